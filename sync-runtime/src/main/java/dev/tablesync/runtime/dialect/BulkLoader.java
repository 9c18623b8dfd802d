package dev.tablesync.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes many rows into one target table at once, through the product's bulk path, storing what
 * upserting them row by row would store: new keys inserted, the columns of existing keys updated.
 * Rendered once per table; whether the connection's driver can take the bulk path is decided at
 * each load, since only some drivers can.
 */
public interface BulkLoader {

  /**
   * Writes {@code rows} in the open transaction of {@code target}. On false or an exception the
   * caller undoes the load (to a savepoint taken before it) and upserts the rows instead.
   *
   * @param rows each row's values in spec column order, as generated code gives them
   * @return true when every row was written as given; false when the driver cannot take the bulk
   *     path, or when the target skipped or adjusted some row rather than failing (it warned)
   * @throws SQLException when the target refused the rows
   */
  boolean load(Connection target, List<Object[]> rows) throws SQLException;
}
