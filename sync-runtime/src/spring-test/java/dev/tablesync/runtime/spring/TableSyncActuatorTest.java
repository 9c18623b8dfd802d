package dev.tablesync.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.tables.ItemSync;
import dev.tablesync.runtime.testing.Sql;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The health per table and the {@code tablesync} endpoint: when they exist and what they say. */
class TableSyncActuatorTest {

  private final ItemDatabases databases = new ItemDatabases();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(
              TableSyncAutoConfiguration.class,
              TableSyncHealthAutoConfiguration.class,
              TableSyncEndpointAutoConfiguration.class))
          .withBean("itemSync", ItemSync.class, ItemSync::new)
          .withBean("source", DataSource.class, () -> databases.source)
          .withBean("target", DataSource.class, () -> databases.target)
          .withPropertyValues("tablesync.scheduler.enabled=false");

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  private static Health health(ApplicationContext context) {
    CompositeHealthContributor tables = (CompositeHealthContributor)
        context.getBean("tablesyncHealthContributor", HealthContributor.class);
    return ((HealthIndicator) tables.getContributor("item")).health(true);
  }

  @Test
  void aTableIsUpWithItsLagRowsAndLastRunInTheDetails() {
    databases.insert(1, 50, ItemDatabases.T0);
    runner.run(context -> {
      context.getBean(SyncEngine.class).run("item");
      Health health = health(context);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("table", "item")
          .containsEntry("lag", "PT0S")
          .containsEntry("cursor", ItemDatabases.T0.toString())
          .containsEntry("failuresInARow", 0)
          .doesNotContainKeys("latestError", "reason");
      assertThat(((TableView.LastRun) health.getDetails().get("lastRun")).outcome())
          .isEqualTo("SUCCEEDED");
    });
  }

  @Test
  void aTableIsDownAfterTheConfiguredFailuresInARowWithTheLatestError() {
    databases.insert(1, 5, ItemDatabases.T0);
    runner.withPropertyValues("tablesync.health.failures-in-a-row=2").run(context -> {
      SyncEngine engine = context.getBean(SyncEngine.class);
      Sql.execute(databases.target, "ALTER TABLE item_copy RENAME TO item_gone");
      assertThatThrownBy(() -> engine.run("item"));
      assertThat(health(context).getStatus()).isEqualTo(Status.UP);
      assertThatThrownBy(() -> engine.run("item"));
      Health health = health(context);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails())
          .containsEntry("table", "item")
          .containsEntry("failuresInARow", 2)
          .containsEntry("reason", "2 failed runs in a row (down from 2)");
      assertThat((String) health.getDetails().get("latestError")).contains("item_copy");
    });
  }

  @Test
  void aTableIsDownWhenItLagsMoreThanTheMaximum() {
    databases.insert(1, 5, ItemDatabases.T0);
    runner.withPropertyValues("tablesync.health.max-lag=10m").run(context -> {
      context.getBean(SyncEngine.class).run("item");
      databases.insert(6, 6, ItemDatabases.T0.plusMinutes(11));
      Health health = health(context);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails())
          .containsEntry("lag", "PT11M")
          .containsEntry("reason", "lag PT11M exceeds PT10M");
    });
  }

  @Test
  void theHealthIndicatorIsOffWithManagementHealthTablesyncEnabledFalse() {
    runner.withPropertyValues("management.health.tablesync.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean("tablesyncHealthContributor"));
  }

  @Test
  void theEndpointIsOffUnlessExposed() {
    runner.run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(TableSyncEndpoint.class));
  }

  @Test
  void exposedTheEndpointShowsRunsAndResetsTables() {
    databases.insert(1, 8, ItemDatabases.T0);
    runner.withPropertyValues("management.endpoints.web.exposure.include=tablesync")
        .run(context -> {
          assertThat(context).hasSingleBean(TableSyncEndpoint.class);
          TableSyncEndpoint endpoint = context.getBean(TableSyncEndpoint.class);
          var run = (TableSyncEndpoint.RunView) endpoint.act("item", "run");
          assertThat(run.table()).isEqualTo("item");
          assertThat(databases.targetCount()).isEqualTo(8);
          assertThat(endpoint.tables().tables()).singleElement().satisfies(view -> {
            assertThat(view.table()).isEqualTo("item");
            assertThat(view.rowsSynced()).isEqualTo(run.rowsWritten());
            assertThat(view.lastRun().outcome()).isEqualTo("SUCCEEDED");
          });
          assertThat(endpoint.table("nope")).isNull();

          Sql.execute(databases.target, "DELETE FROM item_copy WHERE id = 3");
          var reconciled = (TableSyncEndpoint.ReconcileView) endpoint.act("item", "reconcile");
          assertThat(reconciled.missing()).isEqualTo(1);
          assertThat(reconciled.repaired()).isEqualTo(1);
          assertThat(reconciled.refused()).isNull();
          assertThat(databases.targetCount()).isEqualTo(8);

          assertThat(endpoint.act("item", "RESET"))
              .isEqualTo(new TableSyncEndpoint.ResetView("item", true));
          assertThat(databases.cursorRowsSynced()).isEqualTo(-1);
          assertThat(endpoint.act("item", "reset"))
              .isEqualTo(new TableSyncEndpoint.ResetView("item", false));

          assertThatThrownBy(() -> endpoint.act("item", "jump"))
              .isInstanceOf(InvalidEndpointRequestException.class)
              .hasMessage("action must be one of [run, reconcile, reset], was jump");
          assertThatThrownBy(() -> endpoint.act("nope", "run"))
              .isInstanceOf(InvalidEndpointRequestException.class)
              .hasMessage("no table is named 'nope'; the tables are [item]");
        });
  }
}
