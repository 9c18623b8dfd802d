package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.spi.ColumnSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the column of a row that the target rejected. First the row's values are compared with
 * the sizes the target declares for its columns (PostgreSQL names only the type of a value too
 * long or out of range); then the message is searched for a quoted column name (MySQL and
 * MariaDB name the column of a character their charset lacks, every product that of a NULL in
 * a NOT NULL column).
 */
final class BadColumnFinder {

  private final List<ColumnSpec> columns;
  private final String targetColumnsQuery;
  private volatile List<Limit> limits;

  /**
   * @param columns the table's columns, in spec order
   * @param targetColumnsQuery a query of the target table that returns no rows, only its columns
   *     in spec order
   */
  BadColumnFinder(List<ColumnSpec> columns, String targetColumnsQuery) {
    this.columns = columns;
    this.targetColumnsQuery = targetColumnsQuery;
  }

  /**
   * The column that {@code error} was about, for the row of {@code values} (in spec order); null
   * when neither the error nor the target's column sizes tell.
   */
  String find(Connection target, SQLException error, Object[] values) throws SQLException {
    List<Limit> known = limits(target);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && !known.get(i).fits(values[i])) {
        return columns.get(i).name();
      }
    }
    return namedIn(error);
  }

  /**
   * The column whose quoted name comes first in the messages of {@code error} and its causes;
   * first, since some drivers quote the statement after the message.
   */
  private String namedIn(SQLException error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      String first = null;
      int firstAt = Integer.MAX_VALUE;
      for (ColumnSpec column : columns) {
        String name = column.name().toLowerCase(Locale.ROOT);
        for (String quoted : List.of("'" + name + "'", "`" + name + "`", "\"" + name + "\"")) {
          int at = message.indexOf(quoted);
          if (at >= 0 && at < firstAt) {
            first = column.name();
            firstAt = at;
          }
        }
      }
      if (first != null) {
        return first;
      }
    }
    return null;
  }

  private List<Limit> limits(Connection target) throws SQLException {
    if (limits == null) {
      List<Limit> read = new ArrayList<>();
      try (Statement query = target.createStatement();
          ResultSet none = query.executeQuery(targetColumnsQuery)) {
        ResultSetMetaData meta = none.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          read.add(
              new Limit(
                  meta.getColumnType(i), meta.getPrecision(i), meta.getScale(i), meta.isSigned(i)));
        }
      }
      limits = read;
    }
    return limits;
  }

  /**
   * What a target column declares: its JDBC type, its length or precision (0 when unbounded),
   * its scale and whether it takes negative numbers.
   */
  private record Limit(int sqlType, int precision, int scale, boolean signed) {

    boolean fits(Object value) {
      if (value instanceof String text) {
        return precision <= 0 || text.codePointCount(0, text.length()) <= precision;
      }
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        return true;
      }
      BigDecimal decimal = new BigDecimal(number.toString());
      return switch (sqlType) {
        case Types.DECIMAL, Types.NUMERIC ->
            precision <= 0 || integerDigits(decimal) <= precision - scale;
        case Types.TINYINT -> within(decimal, signed ? Byte.MIN_VALUE : 0, signed ? 127 : 255);
        case Types.SMALLINT ->
            within(decimal, signed ? Short.MIN_VALUE : 0, signed ? Short.MAX_VALUE : 65_535);
        case Types.INTEGER ->
            within(
                decimal,
                signed ? Integer.MIN_VALUE : 0,
                signed ? Integer.MAX_VALUE : 4_294_967_295L);
        default -> true;
      };
    }

    private int integerDigits(BigDecimal value) {
      BigDecimal rounded = value.setScale(Math.max(scale, 0), RoundingMode.HALF_UP);
      return Math.max(rounded.precision() - rounded.scale(), 0);
    }

    private static boolean within(BigDecimal value, long min, long max) {
      return value.compareTo(BigDecimal.valueOf(min)) >= 0
          && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
  }
}
