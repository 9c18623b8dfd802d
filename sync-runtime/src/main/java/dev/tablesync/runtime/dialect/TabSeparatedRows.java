package dev.tablesync.runtime.dialect;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Rows as UTF-8 tab-separated text in the form that both MySQL's {@code LOAD DATA} and
 * PostgreSQL's {@code COPY} read by default: a tab between values, a newline after each row,
 * {@code \N} for NULL, and backslash, tab, newline and carriage return escaped with a backslash.
 * Each row is encoded when the driver reads that far, so a chunk's text is never held whole.
 */
final class TabSeparatedRows extends InputStream {

  /** How a product writes one non-null value as text, before escaping. */
  @FunctionalInterface
  interface ValueText {
    String of(Object value);
  }

  private final Iterator<Object[]> rows;
  private final ValueText valueText;
  private final StringBuilder line = new StringBuilder(256);
  private byte[] encoded = new byte[0];
  private int next;

  TabSeparatedRows(List<Object[]> rows, ValueText valueText) {
    this.rows = rows.iterator();
    this.valueText = valueText;
  }

  /**
   * The text both products read for the values of every supported component type but {@code
   * byte[]}, {@code Instant} and {@code OffsetDateTime}, whose forms differ: numbers plain, a
   * float as its exact double (generated code binds it so: its own short text is another double
   * in a {@code DOUBLE} column), booleans {@code 1}/{@code 0}, dates and times in ISO form with
   * every fraction digit, UUIDs as text and enums by name, as generated code binds them.
   *
   * @throws IllegalArgumentException for any other type
   */
  static String standardText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Boolean flag) {
      return flag ? "1" : "0";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Float single) {
      return Double.toString(single.doubleValue());
    }
    if (value instanceof Number || value instanceof UUID || value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof LocalTime time) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
    }
    if (value instanceof LocalDateTime dateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(dateTime) + ' '
          + DateTimeFormatter.ISO_LOCAL_TIME.format(dateTime);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    throw new IllegalArgumentException("no bulk-load text for a value of " + value.getClass());
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    return encoded[next++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int copied = 0;
    while (copied < length && fill()) {
      int n = Math.min(length - copied, encoded.length - next);
      System.arraycopy(encoded, next, buffer, offset + copied, n);
      next += n;
      copied += n;
    }
    return copied == 0 ? -1 : copied;
  }

  /** Encodes the next row when the last is used up; false when no rows are left. */
  private boolean fill() {
    while (next == encoded.length) {
      if (!rows.hasNext()) {
        return false;
      }
      encode(rows.next());
    }
    return true;
  }

  private void encode(Object[] row) {
    line.setLength(0);
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append('\t');
      }
      if (row[i] == null) {
        line.append("\\N");
      } else {
        appendEscaped(valueText.of(row[i]));
      }
    }
    line.append('\n');
    encoded = line.toString().getBytes(StandardCharsets.UTF_8);
    next = 0;
  }

  private void appendEscaped(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
  }
}
