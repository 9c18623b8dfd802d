package dev.tablesync.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.SyncResult;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.tables.NoteSync;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Each condition of the engine's auto-configuration, and each message of a data source name that
 * does not resolve, on real databases: the embedded MariaDB as source, PostgreSQL as target.
 */
class TableSyncAutoConfigurationTest {

  private final ItemDatabases databases = new ItemDatabases();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TableSyncAutoConfiguration.class))
          .withBean("itemSync", ItemSync.class, ItemSync::new);

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  private ApplicationContextRunner withBeansNamedAfterTheLogicalNames() {
    return runner
        .withBean("source", DataSource.class, () -> databases.source)
        .withBean("target", DataSource.class, () -> databases.target);
  }

  @Test
  void buildsTheEngineFromTheTableBeansOnBeansNamedAfterTheLogicalNames() {
    databases.insert(1, 120, ItemDatabases.T0);
    withBeansNamedAfterTheLogicalNames().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SyncEngine.class);
      SyncEngine engine = context.getBean(SyncEngine.class);
      assertThat(engine.tables()).containsExactly("item");
      engine.run("item");
      assertThat(databases.targetCount()).isEqualTo(120);
      databases.assertTargetEqualsSource();
    });
  }

  @Test
  void withoutTableBeansTakesEverySyncerOnTheClassPath() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TableSyncAutoConfiguration.class))
        .withBean("source", DataSource.class, () -> databases.source)
        .withBean("target", DataSource.class, () -> databases.target)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(SyncEngine.class).tables())
              .containsAll(SyncEngine.discover(getClass().getClassLoader()).stream()
                  .map(table -> table.spec().name()).toList())
              .contains("item", "note");
        });
  }

  @Test
  void mapsALogicalNameToABeanOfAnotherName() {
    runner
        .withBean("erpPool", DataSource.class, () -> databases.source)
        .withBean("target", DataSource.class, () -> databases.target)
        .withPropertyValues("tablesync.data-sources.source.bean=erpPool")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LogicalDataSources.class).byName())
              .containsEntry("source", databases.source)
              .containsEntry("target", databases.target);
        });
  }

  @Test
  void takesTheBeanQualifiedWithTheLogicalName() {
    runner.withUserConfiguration(QualifiedSource.class)
        .withBean("target", DataSource.class, () -> databases.target)
        .withBean(ItemDatabases.class, () -> databases)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LogicalDataSources.class).byName())
              .containsEntry("source", databases.source);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class QualifiedSource {
    @Bean
    @Qualifier("source")
    DataSource erp(ItemDatabases databases) {
      return databases.source;
    }
  }

  @Test
  void givesALogicalNameAConnectionPoolOfItsOwnClosedWithTheContext() {
    databases.insert(1, 30, ItemDatabases.T0);
    List<DataSource> pools = new ArrayList<>();
    runner
        .withPropertyValues(
            "tablesync.data-sources.source.url=" + ItemDatabases.url(databases.source),
            "tablesync.data-sources.target.url=" + ItemDatabases.url(databases.target))
        .run(context -> {
          assertThat(context).hasNotFailed();
          pools.addAll(context.getBean(LogicalDataSources.class).byName().values());
          assertThat(pools).hasSize(2).allSatisfy(pool ->
              assertThat(pool).isInstanceOf(com.zaxxer.hikari.HikariDataSource.class));
          context.getBean(SyncEngine.class).run("item");
          assertThat(databases.targetCount()).isEqualTo(30);
          databases.assertTargetEqualsSource();
        });
    assertThat(pools).allSatisfy(pool ->
        assertThat(((com.zaxxer.hikari.HikariDataSource) pool).isClosed()).isTrue());
  }

  @Test
  void anUnknownNameFailsTheStartNamingTheRecordTheNameAndTheBeans() {
    runner
        .withBean("erp", DataSource.class, () -> databases.source)
        .withBean("target", DataSource.class, () -> databases.target)
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause()
            .isInstanceOf(UnresolvedDataSourceException.class)
            .hasMessage("Table 'item' (dev.tablesync.runtime.tables.Item) reads its rows from data"
                + " source 'source' as its source, but no DataSource bean is named or qualified"
                + " 'source' and tablesync.data-sources.source is not set. The DataSource beans"
                + " are [erp, target]."));
  }

  @Test
  void anAmbiguousNameFailsTheStartNamingTheBeansItCouldMean() {
    runner.withUserConfiguration(QualifiedSource.class)
        .withBean(ItemDatabases.class, () -> databases)
        .withBean("source", DataSource.class, () -> databases.source)
        .withBean("target", DataSource.class, () -> databases.target)
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause()
            .isInstanceOf(UnresolvedDataSourceException.class)
            .hasMessageStartingWith("Table 'item' (dev.tablesync.runtime.tables.Item) reads its"
                + " rows from data source 'source' as its source, which names 2 DataSource"
                + " beans: [")
            .hasMessageContainingAll("erp", "source"));
  }

  @Test
  void aMappingToAMissingBeanFailsTheStartNamingTheProperty() {
    withBeansNamedAfterTheLogicalNames()
        .withPropertyValues("tablesync.data-sources.target.bean=wms")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause()
            .isInstanceOf(UnresolvedDataSourceException.class)
            .hasMessage("Table 'item' (dev.tablesync.runtime.tables.Item) writes into data source"
                + " 'target' as its target, which tablesync.data-sources.target.bean maps to bean"
                + " 'wms', but there is no DataSource bean of that name. The DataSource beans are"
                + " [source, target]."));
  }

  @Test
  void aNameWithBothAUrlAndABeanFailsTheStart() {
    withBeansNamedAfterTheLogicalNames()
        .withPropertyValues(
            "tablesync.data-sources.source.bean=source",
            "tablesync.data-sources.source.url=jdbc:mariadb://localhost:1/none")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause()
            .hasMessage("Table 'item' (dev.tablesync.runtime.tables.Item) reads its rows from data"
                + " source 'source' as its source, but tablesync.data-sources.source sets both a"
                + " url and a bean."));
  }

  @Test
  void theFailureAnalysisSaysWhatToSet() {
    UnresolvedDataSourceException failure =
        new UnresolvedDataSourceException("what went wrong", "what to do");
    var analysis = new UnresolvedDataSourceFailureAnalyzer()
        .analyze(new IllegalStateException("wrapped", failure));
    assertThat(analysis.getDescription()).isEqualTo("what went wrong");
    assertThat(analysis.getAction()).isEqualTo("what to do");
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
        .load(FailureAnalyzer.class, (type, name, cannot) -> { })) // others need a context
        .hasAtLeastOneElementOfType(UnresolvedDataSourceFailureAnalyzer.class);
  }

  @Test
  void backsOffWhenTheApplicationHasItsOwnEngine() {
    withBeansNamedAfterTheLogicalNames()
        .withBean("myEngine", SyncEngine.class, () -> SyncEngine.builder()
            .dataSource("source", databases.source)
            .dataSource("target", databases.target)
            .table(new NoteSync())
            .build())
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(SyncEngine.class)
              .doesNotHaveBean(LogicalDataSources.class);
          assertThat(context.getBean(SyncEngine.class).tables()).containsExactly("note");
          assertThat(context).hasSingleBean(EmbeddedSchedulerLifecycle.class);
        });
  }

  @Test
  void isOffWithTablesyncEnabledFalse() {
    withBeansNamedAfterTheLogicalNames()
        .withPropertyValues("tablesync.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SyncEngine.class)
            .doesNotHaveBean(EmbeddedSchedulerLifecycle.class));
  }

  @Test
  void appliesThePropertiesThenEveryCustomizer() {
    List<String> finished = new ArrayList<>();
    databases.insert(1, 10, ItemDatabases.T0);
    withBeansNamedAfterTheLogicalNames()
        .withPropertyValues("tablesync.snapshot.enabled=false", "tablesync.cursor-table=my_cursors")
        .withBean(SyncEngineCustomizer.class, () -> builder -> builder.listener(
            new SyncListener() {
              @Override
              public void runFinished(SyncResult result) {
                finished.add(result.name() + ":" + result.rowsWritten());
              }
            }))
        .run(context -> {
          assertThat(context).hasNotFailed();
          SyncResult result = context.getBean(SyncEngine.class).run("item");
          assertThat(finished).containsExactly("item:10");
          // Batches, not a snapshot: one batch of ten rows.
          assertThat(result.batches()).isEqualTo(1);
          assertThat(dev.tablesync.runtime.testing.Sql.query(databases.target,
              "SELECT rows_synced FROM my_cursors WHERE sync_name = 'item'", rs -> rs.getLong(1)))
              .containsExactly(10L);
        });
  }

  @Test
  void withoutCreateTablesAStartOnATargetWithoutTheEngineTablesFailsWithTheSqlToRun() {
    withBeansNamedAfterTheLogicalNames()
        .withPropertyValues("tablesync.create-tables=false", "tablesync.run-table=absent_runs")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .hasMessageContaining("lacks the engine's tables")
              .hasMessageContaining("absent_runs: create it")
              .hasMessageContaining("CREATE TABLE IF NOT EXISTS");
        });
  }

  @Test
  void recordsMetricsOnTheApplicationsRegistryNotTheGlobalOne() {
    databases.insert(1, 25, ItemDatabases.T0);
    double globalBefore = rowsWritten(Metrics.globalRegistry);
    withBeansNamedAfterTheLogicalNames()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          assertThat(context).hasNotFailed();
          SyncResult result = context.getBean(SyncEngine.class).run("item");
          assertThat(result.rowsWritten()).isGreaterThanOrEqualTo(25);
          assertThat(rowsWritten(context.getBean(MeterRegistry.class)))
              .isEqualTo((double) result.rowsWritten());
          assertThat(rowsWritten(Metrics.globalRegistry)).isEqualTo(globalBefore);
        });
  }

  private static double rowsWritten(MeterRegistry registry) {
    Counter counter = registry.find("tablesync.rows.written").tag("table", "item").counter();
    return counter == null ? 0 : counter.count();
  }
}
