package dev.tablesync.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tablesync.runtime.spring.app.ItemSyncApplication;
import dev.tablesync.runtime.testing.Sql;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Spring Boot application on a random port that syncs {@code item} from the embedded MariaDB
 * into the embedded PostgreSQL on its schedule, shows it in {@code /actuator/health} and {@code
 * /actuator/tablesync} over HTTP, and runs, reconciles and resets it there. Every check of data is SQL on
 * both databases. ({@link GracefulShutdownTest} stops such an application with a run in flight.)
 */
@SpringBootTest(
    classes = ItemSyncApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tablesync.scheduler.schedules.item=1s",
      "tablesync.health.max-lag=1h",
      "management.endpoints.web.exposure.include=health,tablesync",
      "management.endpoint.health.show-details=always",
      "management.endpoint.tablesync.access=unrestricted"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class SpringBootHostTest {

  private static final ItemDatabases databases = new ItemDatabases();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  static {
    databases.insert(1, 250, ItemDatabases.T0);
  }

  @DynamicPropertySource
  static void dataSources(DynamicPropertyRegistry properties) {
    properties.add("tablesync.data-sources.source.url", () -> ItemDatabases.url(databases.source));
    properties.add("tablesync.data-sources.target.url", () -> ItemDatabases.url(databases.target));
  }

  @Value("${local.server.port}")
  private int port;

  @AfterAll
  static void closeDatabases() {
    databases.close();
  }

  @Test
  @Order(1)
  void syncsOnScheduleAndShowsTheTableInHealthAndTheEndpoint() throws Exception {
    await("the first run", () -> !databases.lastRunOutcome().isEmpty());
    assertThat(databases.targetCount()).isEqualTo(250);
    databases.assertTargetEqualsSource();
    long rowsSynced = databases.cursorRowsSynced();

    HttpResponse<String> health = get("/actuator/health");
    System.out.println("GET /actuator/health: " + health.body());
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    JsonNode item = body.path("components").path("tablesync").path("components").path("item");
    assertThat(item.path("status").asString()).isEqualTo("UP");
    assertThat(item.path("details").path("table").asString()).isEqualTo("item");
    assertThat(item.path("details").path("lag").asString()).isEqualTo("PT0S");
    assertThat(item.path("details").path("rowsSynced").asLong()).isEqualTo(rowsSynced);
    assertThat(item.path("details").path("lastRun").path("outcome").asString())
        .isEqualTo("SUCCEEDED");

    HttpResponse<String> tables = get("/actuator/tablesync");
    System.out.println("GET /actuator/tablesync: " + tables.body());
    assertThat(tables.statusCode()).isEqualTo(200);
    JsonNode table = json.readTree(tables.body()).path("tables").get(0);
    assertThat(table.path("table").asString()).isEqualTo("item");
    assertThat(table.path("rowsSynced").asLong()).isEqualTo(rowsSynced);
    assertThat(table.path("cursor").asString()).isEqualTo(ItemDatabases.T0.toString());
    assertThat(table.path("failuresInARow").asInt()).isZero();

    assertThat(json.readTree(get("/actuator/tablesync/item").body()).path("table").asString())
        .isEqualTo("item");
    assertThat(get("/actuator/tablesync/nope").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void runsAndResetsTheTableThroughTheEndpoint() throws Exception {
    databases.insert(251, 260, ItemDatabases.T0.plusMinutes(5));
    HttpResponse<String> run = post("/actuator/tablesync/item", "{\"action\": \"run\"}");
    System.out.println("POST /actuator/tablesync/item run: " + run.body());
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(json.readTree(run.body()).path("table").asString()).isEqualTo("item");
    await("the ten new rows", () -> databases.targetCount() == 260);
    databases.assertTargetEqualsSource();

    // A row lost from the target is found and written again by a reconciliation.
    Sql.execute(databases.target, "DELETE FROM item_copy WHERE id = 7");
    HttpResponse<String> reconcile = post("/actuator/tablesync/item", "{\"action\": \"reconcile\"}");
    System.out.println("POST /actuator/tablesync/item reconcile: " + reconcile.body());
    assertThat(reconcile.statusCode()).isEqualTo(200);
    assertThat(json.readTree(reconcile.body()).path("missing").asLong()).isEqualTo(1);
    databases.assertTargetEqualsSource();

    // A target repaired by hand is copied again after a reset.
    Sql.execute(databases.target, "UPDATE item_copy SET name = 'damaged' WHERE id <= 20");
    HttpResponse<String> reset = post("/actuator/tablesync/item", "{\"action\": \"reset\"}");
    System.out.println("POST /actuator/tablesync/item reset: " + reset.body());
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(json.readTree(reset.body()).path("hadPosition").asBoolean()).isTrue();
    await("the snapshot after the reset", () -> Sql.query(databases.target,
        "SELECT COUNT(*) FROM item_copy WHERE name = 'damaged'", rs -> rs.getLong(1)).get(0) == 0);
    databases.assertTargetEqualsSource();

    assertThat(post("/actuator/tablesync/item", "{\"action\": \"jump\"}").statusCode())
        .isEqualTo(400);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
