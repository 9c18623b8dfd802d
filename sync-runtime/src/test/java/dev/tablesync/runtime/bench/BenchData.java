package dev.tablesync.runtime.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The benchmark's source: {@code rows} suppliers in PostgreSQL with change times over a year, a
 * tenth of them in runs that share one time, and ids that do not follow the change times (as in
 * an ERP, where old suppliers change as often as new ones).
 */
final class BenchData {

  static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);

  private BenchData() {}

  static void create(DataSource source, int rows) throws SQLException, IOException {
    try (Connection connection = source.getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute(
          """
          CREATE TABLE supplier_src (
            supplier_id BIGINT NOT NULL PRIMARY KEY, document_status CHAR(1), forbid_status CHAR(1),
            supplier_number VARCHAR(40), group_id BIGINT NOT NULL, master_id BIGINT NOT NULL,
            org_id BIGINT NOT NULL, supplier_name VARCHAR(120), group_number VARCHAR(40),
            group_name VARCHAR(120), last_time TIMESTAMP(6) NOT NULL)""");
      copy(connection, rows);
      ddl.execute("CREATE INDEX supplier_src_cursor ON supplier_src (last_time, supplier_id)");
      ddl.execute("ANALYZE supplier_src");
    }
  }

  private static void copy(Connection connection, int rows) throws SQLException, IOException {
    Random random = new Random(7);
    long[] ids = new long[rows];
    for (int i = 0; i < rows; i++) {
      ids[i] = i + 1;
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    long yearMicros = 365L * 24 * 3600 * 1_000_000;
    long stepMicros = yearMicros / rows;
    LocalDateTime time = START;
    int sameTime = 0;
    StringBuilder chunk = new StringBuilder();
    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (int i = 0; i < rows; i++) {
      if (sameTime > 0) {
        sameTime--;
      } else {
        time = time.plusNanos(1_000 * (1 + (long) (random.nextDouble() * 2 * stepMicros)));
        if (random.nextInt(100) == 0) {
          sameTime = random.nextInt(20);
        }
      }
      long id = ids[i];
      chunk.append(id).append('\t')
          .append('C').append('\t')
          .append('A').append('\t')
          .append("VEN").append(id).append('\t')
          .append(1 + id % 40).append('\t')
          .append(id).append('\t')
          .append(100 + id % 4).append('\t')
          .append("Supplier ").append(id).append(" Trading Co., Ltd.").append('\t')
          .append("SG").append(1 + id % 40).append('\t')
          .append("Supplier group ").append(1 + id % 40).append('\t')
          .append(time).append('\n');
      if (chunk.length() > 4_000_000 || i == rows - 1) {
        copy.copyIn("COPY supplier_src FROM STDIN", new StringReader(chunk.toString()));
        chunk.setLength(0);
      }
    }
  }
}
