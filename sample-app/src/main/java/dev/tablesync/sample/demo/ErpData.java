package dev.tablesync.sample.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * A realistic ERP data set for the demo: suppliers in groups, with names in a language table,
 * change times spread over a year, runs of suppliers saved in the same second (as a mass import
 * or a batch job does), and some drafts and disabled suppliers that the sync must leave out.
 */
public final class ErpData {

  /** When the data set's first change happened. */
  static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 8, 0);

  private static final int GROUPS = 40;
  private static final String[] TRADES = {
    "Steel", "Packaging", "Logistics", "Electronics", "Chemicals", "Textiles", "Plastics", "Paper"
  };
  private static final String[] CITIES = {
    "Shanghai", "Suzhou", "Ningbo", "Shenzhen", "Tianjin", "Chengdu", "Wuhan", "Xiamen"
  };

  private final Random random = new Random(42);

  /** Creates the ERP tables and fills them with {@code suppliers} suppliers and some materials. */
  public void create(DataSource erp, int suppliers, int materials) throws SQLException {
    SqlScript.run(erp, "/db/erp/erp_tables.sql");
    try (Connection connection = erp.getConnection()) {
      connection.setAutoCommit(false);
      insertGroups(connection);
      insertSuppliers(connection, suppliers);
      insertMaterials(connection, materials);
      connection.commit();
    }
  }

  private void insertGroups(Connection connection) throws SQLException {
    try (PreparedStatement group =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_SUPPLIERGROUP (FID, FNUMBER) VALUES (?, ?)");
        PreparedStatement name =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_SUPPLIERGROUP_L (FPKID, FID, FNAME) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= GROUPS; id++) {
        group.setInt(1, id);
        group.setString(2, "SG" + String.format("%03d", id));
        group.addBatch();
        name.setInt(1, id);
        name.setInt(2, id);
        name.setString(3, TRADES[id % TRADES.length] + " suppliers " + (id / TRADES.length + 1));
        name.addBatch();
      }
      group.executeBatch();
      name.executeBatch();
    }
  }

  private void insertSuppliers(Connection connection, int count) throws SQLException {
    try (PreparedStatement supplier =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_SUPPLIER (FSUPPLIERID, FNUMBER, FDOCUMENTSTATUS,"
                    + " FFORBIDSTATUS, FPRIMARYGROUP, FMASTERID, FUSEORGID, FMODIFYDATE)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement name =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_SUPPLIER_L (FPKID, FSUPPLIERID, FNAME) VALUES (?, ?, ?)")) {
      List<LocalDateTime> times = changeTimes(count);
      for (int id = 1; id <= count; id++) {
        supplier.setInt(1, id);
        supplier.setString(2, "VEN" + String.format("%06d", id));
        supplier.setString(3, random.nextInt(50) == 0 ? "A" : "C");
        supplier.setString(4, random.nextInt(40) == 0 ? "B" : "A");
        supplier.setInt(5, 1 + random.nextInt(GROUPS));
        supplier.setInt(6, id);
        supplier.setInt(7, 100 + random.nextInt(4));
        supplier.setTimestamp(8, Timestamp.valueOf(times.get(id - 1)));
        supplier.addBatch();
        name.setInt(1, id);
        name.setInt(2, id);
        name.setString(3, supplierName(id));
        name.addBatch();
        if (id % 5_000 == 0) {
          supplier.executeBatch();
          name.executeBatch();
        }
      }
      supplier.executeBatch();
      name.executeBatch();
    }
  }

  private void insertMaterials(Connection connection, int count) throws SQLException {
    try (PreparedStatement material =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_MATERIAL (FMATERIALID, FNUMBER, FDOCUMENTSTATUS,"
                    + " FNETWEIGHT, FMODIFYDATE) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement name =
            connection.prepareStatement(
                "INSERT INTO dbo.T_BD_MATERIAL_L (FPKID, FMATERIALID, FNAME, FSPECIFICATION)"
                    + " VALUES (?, ?, ?, ?)")) {
      List<LocalDateTime> times = changeTimes(count);
      for (int id = 1; id <= count; id++) {
        material.setInt(1, id);
        material.setString(2, "MAT" + String.format("%06d", id));
        material.setString(3, random.nextInt(30) == 0 ? "B" : "C");
        material.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(10_000_000), 4));
        material.setTimestamp(5, Timestamp.valueOf(times.get(id - 1)));
        material.addBatch();
        name.setInt(1, id);
        name.setInt(2, id);
        name.setString(3, TRADES[id % TRADES.length] + " part " + id);
        name.setString(4, (10 + random.nextInt(90)) + "x" + (10 + random.nextInt(90)) + " mm");
        name.addBatch();
        if (id % 5_000 == 0) {
          material.executeBatch();
          name.executeBatch();
        }
      }
      material.executeBatch();
      name.executeBatch();
    }
  }

  /**
   * Ascending change times over a year: mostly a few minutes apart, with runs of up to 3,000 rows
   * saved in one second.
   */
  private List<LocalDateTime> changeTimes(int count) {
    List<LocalDateTime> times = new ArrayList<>(count);
    LocalDateTime time = START;
    int sameSecond = 0;
    for (int i = 0; i < count; i++) {
      if (sameSecond > 0) {
        sameSecond--;
      } else {
        time = time.plusSeconds(1 + random.nextInt(600));
        if (random.nextInt(200) == 0) {
          sameSecond = 100 + random.nextInt(2_900);
        } else if (random.nextInt(4) == 0) {
          sameSecond = 1 + random.nextInt(5);
        }
      }
      times.add(time);
    }
    return times;
  }

  private String supplierName(int id) {
    return CITIES[random.nextInt(CITIES.length)] + " " + TRADES[random.nextInt(TRADES.length)]
        + " Co., Ltd. No." + id;
  }

  /**
   * Changes {@code count} distinct enabled suppliers, as users editing them in the ERP would:
   * a new name and number, and a new change time.
   *
   * @return the ids of the changed suppliers
   */
  public List<Integer> changeSuppliers(DataSource erp, int count, LocalDateTime when)
      throws SQLException {
    List<Integer> changed = new ArrayList<>();
    try (Connection connection = erp.getConnection()) {
      connection.setAutoCommit(false);
      List<Integer> enabled = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT FSUPPLIERID FROM dbo.T_BD_SUPPLIER"
                      + " WHERE FDOCUMENTSTATUS = 'C' AND FFORBIDSTATUS = 'A'");
          var rows = select.executeQuery()) {
        while (rows.next()) {
          enabled.add(rows.getInt(1));
        }
      }
      java.util.Collections.shuffle(enabled, random);
      try (PreparedStatement supplier =
              connection.prepareStatement(
                  "UPDATE dbo.T_BD_SUPPLIER SET FNUMBER = ?, FMODIFYDATE = ? WHERE FSUPPLIERID = ?");
          PreparedStatement name =
              connection.prepareStatement(
                  "UPDATE dbo.T_BD_SUPPLIER_L SET FNAME = ? WHERE FSUPPLIERID = ?")) {
        for (int id : enabled.subList(0, Math.min(count, enabled.size()))) {
          supplier.setString(1, "VEN" + String.format("%06d", id) + "-R");
          supplier.setTimestamp(2, Timestamp.valueOf(when.plusSeconds(changed.size() / 50)));
          supplier.setInt(3, id);
          supplier.addBatch();
          name.setString(1, supplierName(id) + " (renamed)");
          name.setInt(2, id);
          name.addBatch();
          changed.add(id);
        }
        supplier.executeBatch();
        name.executeBatch();
      }
      connection.commit();
    }
    return changed;
  }
}
