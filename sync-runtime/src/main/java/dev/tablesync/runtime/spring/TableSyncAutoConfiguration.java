package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.metrics.MicrometerMetrics;
import dev.tablesync.runtime.spi.TableSync;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The {@link SyncEngine} of a Spring Boot application: every generated syncer on the class path
 * (or the application's {@code TableSync} beans, when it defines any), its data sources resolved
 * by logical name (see {@link LogicalDataSources}), the builder's options from {@code tablesync.*},
 * then every {@link SyncEngineCustomizer}. Backs off when the application defines its own engine;
 * scheduling, health and the endpoint then use that one.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration"
    })
@ConditionalOnClass({SyncEngine.class, DataSource.class, DataSourceBuilder.class})
@ConditionalOnBooleanProperty(name = "tablesync.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TableSyncProperties.class)
@Import(TableSyncScheduling.class)
public class TableSyncAutoConfiguration {

  /** The engine and the data sources made for it, unless the application has an engine. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(SyncEngine.class)
  static class EngineConfiguration {

    @Bean
    LogicalDataSources tablesyncDataSources(
        TableSyncProperties properties,
        ObjectProvider<TableSync<?>> tableBeans,
        ConfigurableListableBeanFactory beans) {
      return LogicalDataSources.resolve(
          tables(tableBeans, beans.getBeanClassLoader()),
          properties.getDataSources(),
          beans,
          beans.getBeanClassLoader());
    }

    @Bean
    @DependsOnDatabaseInitialization
    SyncEngine syncEngine(
        TableSyncProperties properties,
        LogicalDataSources dataSources,
        ObjectProvider<TableSync<?>> tableBeans,
        ObjectProvider<SyncEngineCustomizer> customizers,
        ConfigurableListableBeanFactory beans) {
      SyncEngine.Builder builder =
          SyncEngine.builder()
              .cursorTable(properties.getCursorTable())
              .runTable(properties.getRunTable())
              .reconcileTable(properties.getReconcileTable())
              .deleteGuard(properties.getDeleteGuard())
              .reconcileRangeSize(properties.getReconcileRangeSize())
              .deadLetterTable(properties.getDeadLetterTable())
              .createTables(properties.isCreateTables())
              .backlogChunkSize(properties.getBacklogChunkSize())
              .whenBusy(properties.getWhenBusy())
              .retry(properties.getRetry().policy())
              .snapshot(properties.getSnapshot().isEnabled())
              .snapshotChunkSize(properties.getSnapshot().getChunkSize());
      dataSources.byName().forEach(builder::dataSource);
      tables(tableBeans, beans.getBeanClassLoader()).forEach(builder::table);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    }

    /** The application's TableSync beans, or when it has none, every syncer it can see. */
    private static List<TableSync<?>> tables(
        ObjectProvider<TableSync<?>> tableBeans, ClassLoader classLoader) {
      List<TableSync<?>> beans = tableBeans.orderedStream().toList();
      return beans.isEmpty() ? SyncEngine.discover(classLoader) : beans;
    }
  }

  /** Metrics on the application's registry rather than Micrometer's global one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // an application's customizer may still replace it
    SyncEngineCustomizer tablesyncMeterRegistry(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifUnique(r -> builder.metrics(MicrometerMetrics.on(r)));
    }
  }
}
