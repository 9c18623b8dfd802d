package dev.tablesync.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Every failure the engine reports passes through SyncException, which masks passwords. */
class SyncExceptionTest {

  @Test
  void aMessageThatQuotesAUrlWithAPasswordIsMasked() {
    SQLException driver =
        new SQLException("cannot reach jdbc:mysql://wms:3306/wms?user=sync&password=hunter2");
    SyncException failure =
        new SyncException("supplier", "none", "status unavailable: " + driver.getMessage(), driver);
    assertEquals(
        "supplier: status unavailable: cannot reach jdbc:mysql://wms:3306/wms?user=sync"
            + "&password=*** (stored cursor: none)",
        failure.getMessage());
    assertEquals(driver, failure.getCause(), "the cause is the driver's own, unmasked");
  }
}
