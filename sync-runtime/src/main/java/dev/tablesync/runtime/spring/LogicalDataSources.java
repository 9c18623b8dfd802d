package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.spi.TableSpec;
import dev.tablesync.runtime.spi.TableSync;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * The data sources of an application's tables, by the logical names their records use. A name
 * resolves, in this order, to the connection {@code tablesync.data-sources.<name>.url} gives
 * (pooled as Spring Boot pools, HikariCP when present), to the bean {@code
 * tablesync.data-sources.<name>.bean} names, or to the one DataSource bean named, aliased or
 * qualified ({@code @Qualifier}) as the logical name. Anything else fails the start, naming the
 * table, its record, the name and the candidate beans. Pools made here close with the context.
 */
final class LogicalDataSources implements DisposableBean {

  private static final String PREFIX = "tablesync.data-sources.";

  private final Map<String, DataSource> byName;
  private final List<AutoCloseable> pools;

  private LogicalDataSources(Map<String, DataSource> byName, List<AutoCloseable> pools) {
    this.byName = byName;
    this.pools = pools;
  }

  /** Resolves every name that {@code tables} use as a source or target. */
  static LogicalDataSources resolve(
      List<TableSync<?>> tables,
      Map<String, TableSyncProperties.DataSourceProperties> configured,
      ListableBeanFactory beans,
      ClassLoader classLoader) {
    Map<String, DataSource> byName = new LinkedHashMap<>();
    List<AutoCloseable> pools = new ArrayList<>();
    try {
      for (TableSync<?> table : tables) {
        TableSpec spec = table.spec();
        for (Use use : List.of(new Use(spec, "source", spec.source()),
            new Use(spec, "target", spec.target()))) {
          if (!byName.containsKey(use.name())) {
            byName.put(use.name(), resolve(use, configured.get(use.name()), beans, classLoader,
                pools));
          }
        }
      }
    } catch (RuntimeException e) {
      new LogicalDataSources(byName, pools).destroy();
      throw e;
    }
    return new LogicalDataSources(byName, pools);
  }

  /** Every logical name with its data source, in the order the tables first use them. */
  Map<String, DataSource> byName() {
    return byName;
  }

  @Override
  public void destroy() {
    for (AutoCloseable pool : pools) {
      try {
        pool.close();
      } catch (Exception e) {
        // Closing at shutdown: nothing is left to tell but the log of the pool itself.
      }
    }
  }

  /** One table's use of a logical name, as its source or its target. */
  private record Use(TableSpec table, String role, String name) {
    String describe() {
      return "Table '" + table.name() + "' (" + table.recordType().getName() + ") "
          + (role.equals("source") ? "reads its rows from" : "writes into") + " data source '" + name
          + "' as its " + role;
    }
  }

  private static DataSource resolve(
      Use use,
      TableSyncProperties.DataSourceProperties configured,
      ListableBeanFactory beans,
      ClassLoader classLoader,
      List<AutoCloseable> pools) {
    String property = PREFIX + use.name();
    if (configured != null && configured.getUrl() != null && configured.getBean() != null) {
      throw new UnresolvedDataSourceException(
          use.describe() + ", but " + property + " sets both a url and a bean.",
          "Set either " + property + ".url or " + property + ".bean.");
    }
    if (configured != null && configured.getUrl() != null) {
      DataSource pool =
          DataSourceBuilder.create(classLoader)
              .url(configured.getUrl())
              .username(configured.getUsername())
              .password(configured.getPassword())
              .driverClassName(configured.getDriverClassName())
              .build();
      if (pool instanceof AutoCloseable closeable) {
        pools.add(closeable);
      }
      return pool;
    }
    if (configured != null && configured.getBean() != null) {
      String bean = configured.getBean();
      if (!beans.containsBean(bean) || !beans.isTypeMatch(bean, DataSource.class)) {
        throw new UnresolvedDataSourceException(
            use.describe() + ", which " + property + ".bean maps to bean '" + bean
                + "', but there is no DataSource bean of that name. The DataSource beans are "
                + candidates(beans) + ".",
            "Set " + property + ".bean to one of " + candidates(beans) + ".");
      }
      return beans.getBean(bean, DataSource.class);
    }
    try {
      return BeanFactoryAnnotationUtils.qualifiedBeanOfType(beans, DataSource.class, use.name());
    } catch (NoUniqueBeanDefinitionException e) {
      List<String> found = new ArrayList<>(e.getBeanNamesFound());
      throw new UnresolvedDataSourceException(
          use.describe() + ", which names " + found.size() + " DataSource beans: " + found
              + ".",
          "Map the name to one of them with " + property + ".bean=<bean name>.");
    } catch (NoSuchBeanDefinitionException e) {
      throw new UnresolvedDataSourceException(
          use.describe() + ", but no DataSource bean is named or qualified '" + use.name()
              + "' and " + property + " is not set. The DataSource beans are "
              + candidates(beans) + ".",
          "Name a DataSource bean '" + use.name() + "', map the name to a bean with " + property
              + ".bean=<bean name>, or give it a connection of its own with " + property
              + ".url, .username and .password.");
    }
  }

  private static List<String> candidates(ListableBeanFactory beans) {
    return Arrays.asList(
        BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans, DataSource.class));
  }
}
