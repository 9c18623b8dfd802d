package dev.tablesync.runtime.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The variants TableSync is measured against, written by hand with plain JDBC from PostgreSQL
 * into MariaDB, as a team without TableSync would write them.
 */
final class HandWritten {

  private static final String SELECT = "SELECT " + BenchSupplier.COLUMNS + " FROM supplier_src";
  private static final String UPDATE_CURSOR =
      "UPDATE bench_cursor SET last_time = ?, last_id = ? WHERE name = 'supplier'";

  private HandWritten() {}

  /** The cursor table the hand-written syncs keep their position in. */
  static void createCursorTable(DataSource target) throws SQLException {
    try (Connection connection = target.getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TABLE bench_cursor (name VARCHAR(40) PRIMARY KEY, last_time DATETIME(6),"
              + " last_id BIGINT)");
      ddl.execute("INSERT INTO bench_cursor VALUES ('supplier', '2000-01-01', 0)");
    }
  }

  /**
   * The seed's loop: the 100 rows changed strictly after the stored time, one multi-row upsert,
   * the time of the last row stored. Rows that share a time across a batch boundary are lost.
   */
  static long seedStyle(DataSource source, DataSource target) throws SQLException {
    int batch = 100;
    String upsert = multiRowUpsert(batch);
    long rows = 0;
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        PreparedStatement read =
            from.prepareStatement(SELECT + " WHERE last_time > ? ORDER BY last_time LIMIT " + batch);
        PreparedStatement cursor = to.prepareStatement(UPDATE_CURSOR)) {
      to.setAutoCommit(false);
      LocalDateTime last = LocalDateTime.of(2000, 1, 1, 0, 0);
      while (true) {
        read.setObject(1, last);
        Object[][] values = readRows(read, batch);
        if (values.length == 0) {
          break;
        }
        String sql = values.length == batch ? upsert : multiRowUpsert(values.length);
        try (PreparedStatement write = to.prepareStatement(sql)) {
          int p = 1;
          for (Object[] row : values) {
            for (Object value : row) {
              write.setObject(p++, value);
            }
          }
          write.executeUpdate();
        }
        last = (LocalDateTime) values[values.length - 1][10];
        cursor.setObject(1, last);
        cursor.setLong(2, (Long) values[values.length - 1][0]);
        cursor.executeUpdate();
        to.commit();
        rows += values.length;
      }
    }
    return rows;
  }

  /** How a hand-written sync writes one batch. */
  enum Write {
    /** One single-row upsert per row, sent with {@code addBatch}/{@code executeBatch}. */
    BATCHED_SINGLE_ROW("executeBatch of a one-row upsert"),
    /** One multi-row {@code INSERT ... VALUES (...), (...) ... ON DUPLICATE KEY UPDATE}. */
    MULTI_ROW("one multi-row upsert per batch");

    final String label;

    Write(String label) {
      this.label = label;
    }
  }

  /**
   * A correct sync written by hand: a keyset read on (time, id) with row values (the form
   * PostgreSQL range-scans), the batch written by {@code write}, and the cursor row locked and
   * updated in the same transaction. With {@code overlapped}, the next batch is read on a second
   * thread while the current one is written, and used when the locked position is the one it was
   * read after.
   */
  static long keyset(
      DataSource source, DataSource target, int batch, Write write, boolean overlapped)
      throws Exception {
    long rows = 0;
    ExecutorService reader = Executors.newSingleThreadExecutor();
    Map<Integer, PreparedStatement> upserts = new HashMap<>();
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        PreparedStatement read =
            from.prepareStatement(
                SELECT + " WHERE (last_time, supplier_id) > (?, ?)"
                    + " ORDER BY last_time, supplier_id LIMIT " + batch);
        PreparedStatement lock =
            to.prepareStatement(
                "SELECT last_time, last_id FROM bench_cursor WHERE name = 'supplier' FOR UPDATE");
        PreparedStatement single = to.prepareStatement(singleRowUpsert());
        PreparedStatement cursor = to.prepareStatement(UPDATE_CURSOR)) {
      to.setAutoCommit(false);
      Future<Object[][]> next = null;
      Object[] nextAfter = null;
      while (true) {
        Object[] stored = new Object[2];
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          stored[0] = row.getObject(1, LocalDateTime.class);
          stored[1] = row.getLong(2);
        }
        Object[][] values = next == null ? null : next.get(); // the source connection is free
        if (values == null || !Arrays.equals(stored, nextAfter)) {
          values = readAfter(read, stored, batch);
        }
        next = null;
        if (values.length == 0) {
          to.rollback();
          break;
        }
        Object[] last = values[values.length - 1];
        Object[] after = {last[10], last[0]};
        if (overlapped && values.length == batch) {
          next = reader.submit(() -> readAfter(read, after, batch));
          nextAfter = after;
        }
        if (write == Write.MULTI_ROW) {
          PreparedStatement upsert = upserts.get(values.length);
          if (upsert == null) {
            upsert = to.prepareStatement(multiRowUpsert(values.length));
            upserts.put(values.length, upsert);
          }
          int p = 1;
          for (Object[] row : values) {
            for (Object value : row) {
              bind(upsert, p++, value);
            }
          }
          upsert.executeUpdate();
        } else {
          for (Object[] row : values) {
            for (int i = 0; i < row.length; i++) {
              bind(single, i + 1, row[i]);
            }
            single.addBatch();
          }
          single.executeBatch();
        }
        bind(cursor, 1, after[0]);
        cursor.setLong(2, (Long) after[1]);
        cursor.executeUpdate();
        to.commit();
        rows += values.length;
        if (values.length < batch) {
          break;
        }
      }
      if (next != null) {
        next.get();
      }
    } finally {
      reader.shutdown();
      for (PreparedStatement upsert : upserts.values()) {
        upsert.close();
      }
    }
    return rows;
  }

  /**
   * Binds a value, a date-time as text with every fraction digit: MySQL Connector/J drops the
   * fraction of a bound {@code LocalDateTime} on MariaDB 10, which it takes for MySQL 5.5.
   */
  private static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof LocalDateTime dateTime) {
      statement.setString(index, dateTime.toLocalDate() + " " + dateTime.toLocalTime());
    } else {
      statement.setObject(index, value);
    }
  }

  private static Object[][] readAfter(PreparedStatement read, Object[] after, int batch)
      throws SQLException {
    read.setObject(1, after[0]);
    read.setLong(2, (Long) after[1]);
    return readRows(read, batch);
  }

  /**
   * The bulk-load bound: every row read in primary-key order and streamed into {@code LOAD DATA
   * LOCAL INFILE}, {@code chunk} rows per statement and commit.
   */
  static long loadDataInKeyOrder(DataSource source, DataSource target, int chunk)
      throws Exception {
    long rows = 0;
    try (Connection from = source.getConnection();
        Connection to = target.getConnection();
        PreparedStatement read =
            from.prepareStatement(
                SELECT + " WHERE supplier_id > ? ORDER BY supplier_id LIMIT " + chunk)) {
      to.setAutoCommit(false);
      long lastId = 0;
      while (true) {
        read.setLong(1, lastId);
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<long[]> produced =
            CompletableFuture.supplyAsync(() -> writeTsv(read, out));
        try (Statement load = to.createStatement()) {
          load.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
          load.execute(
              "LOAD DATA LOCAL INFILE 'stream' REPLACE INTO TABLE bench_supplier"
                  + " (" + BenchSupplier.COLUMNS + ")");
        }
        long[] countAndLast = produced.join();
        to.commit();
        rows += countAndLast[0];
        lastId = countAndLast[1];
        if (countAndLast[0] < chunk) {
          break;
        }
      }
    }
    return rows;
  }

  private static long[] writeTsv(PreparedStatement read, PipedOutputStream out) {
    long count = 0;
    long lastId = 0;
    try (OutputStream tsv = out;
        ResultSet rs = read.executeQuery()) {
      StringBuilder line = new StringBuilder(256);
      while (rs.next()) {
        line.setLength(0);
        for (int i = 1; i <= 11; i++) {
          if (i > 1) {
            line.append('\t');
          }
          Object value = i == 11 ? rs.getTimestamp(i) : rs.getString(i);
          line.append(value == null ? "\\N" : tsvEscape(value.toString()));
        }
        line.append('\n');
        tsv.write(line.toString().getBytes(StandardCharsets.UTF_8));
        lastId = rs.getLong(1);
        count++;
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    return new long[] {count, lastId};
  }

  private static String tsvEscape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  /**
   * One "nothing changed" poll by hand: read the cursor row, then the keyset read after it, which
   * returns nothing. Returns its duration in nanoseconds.
   */
  static long poll(Connection from, Connection to) throws SQLException {
    long started = System.nanoTime();
    LocalDateTime lastTime;
    long lastId;
    try (PreparedStatement lock =
            to.prepareStatement("SELECT last_time, last_id FROM bench_cursor WHERE name = 'supplier'");
        ResultSet stored = lock.executeQuery()) {
      stored.next();
      lastTime = stored.getObject(1, LocalDateTime.class);
      lastId = stored.getLong(2);
    }
    try (PreparedStatement read =
        from.prepareStatement(
            SELECT + " WHERE (last_time, supplier_id) > (?, ?)"
                + " ORDER BY last_time, supplier_id LIMIT 1000")) {
      read.setObject(1, lastTime);
      read.setLong(2, lastId);
      if (readRows(read, 1000).length != 0) {
        throw new IllegalStateException("the poll found rows; the table is not caught up");
      }
    }
    return System.nanoTime() - started;
  }

  private static Object[][] readRows(PreparedStatement read, int max) throws SQLException {
    Object[][] rows = new Object[max][];
    int n = 0;
    try (ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[11];
        for (int i = 0; i < 10; i++) {
          row[i] = rs.getObject(i + 1);
        }
        row[10] = rs.getObject(11, LocalDateTime.class);
        rows[n++] = row;
      }
    }
    return Arrays.copyOf(rows, n);
  }

  private static String singleRowUpsert() {
    return "INSERT INTO bench_supplier (" + BenchSupplier.COLUMNS + ") VALUES "
        + placeholders() + updateClause();
  }

  private static String multiRowUpsert(int rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO bench_supplier (" + BenchSupplier.COLUMNS + ") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(placeholders());
    }
    return sql.append(updateClause()).toString();
  }

  private static String placeholders() {
    return "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  private static String updateClause() {
    StringBuilder update = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
    String[] columns = BenchSupplier.COLUMNS.split(",\\s*");
    for (int i = 1; i < columns.length; i++) {
      update.append(i == 1 ? "" : ", ").append(columns[i]).append(" = VALUES(").append(columns[i])
          .append(')');
    }
    return update.toString();
  }
}
