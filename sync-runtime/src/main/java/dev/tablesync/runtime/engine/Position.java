package dev.tablesync.runtime.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sync stands: the cursor and key of the last row written. Stored as text in the target's
 * cursor table, in forms that round-trip exactly (ISO-8601 with every fraction digit, plain
 * numbers, hex bytes) and do not depend on any time zone.
 *
 * <p>A position with a cursor and no key ({@link #startOf}) stands before every row with that
 * cursor: a snapshot hands over to incremental batches there, so that rows changed while it ran
 * are read again.
 *
 * @param values the cursor value, then each key value in key order
 */
public record Position(List<Object> values) {

  private static final HexFormat HEX = HexFormat.of();

  public Position {
    values = List.copyOf(values);
  }

  /** The position before every row whose cursor is {@code cursor}. */
  public static Position startOf(Object cursor) {
    return new Position(List.of(cursor));
  }

  /** Whether this position stands before the rows with its cursor, rather than after a row. */
  public boolean isStartOfCursor() {
    return values.size() == 1;
  }

  /** The cursor value. */
  public Object cursor() {
    return values.get(0);
  }

  /** The key values, in key order. */
  public List<Object> key() {
    return values.subList(1, values.size());
  }

  /** The cursor as stored. */
  public String cursorText() {
    return encode(cursor());
  }

  /**
   * The key as stored: each value encoded, {@code \} and {@code ,} escaped, joined by commas; null
   * for the {@linkplain #startOf start of a cursor}.
   */
  public String keyText() {
    if (isStartOfCursor()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Object value : key()) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(encode(value).replace("\\", "\\\\").replace(",", "\\,"));
    }
    return text.toString();
  }

  /**
   * Reads a stored position back into values of the given types (cursor type first); a null key
   * is the {@linkplain #startOf start of the cursor}.
   */
  public static Position decode(String cursorText, String keyText, List<Class<?>> types) {
    if (keyText == null) {
      return startOf(decode(cursorText, types.get(0)));
    }
    List<String> keyParts = splitKey(keyText);
    if (keyParts.size() != types.size() - 1) {
      throw new IllegalArgumentException(
          "stored key '" + keyText + "' has " + keyParts.size() + " values, the table has "
              + (types.size() - 1) + " key columns");
    }
    List<Object> values = new ArrayList<>();
    values.add(decode(cursorText, types.get(0)));
    for (int i = 0; i < keyParts.size(); i++) {
      values.add(decode(keyParts.get(i), types.get(i + 1)));
    }
    return new Position(values);
  }

  private static List<String> splitKey(String keyText) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < keyText.length(); i++) {
      char c = keyText.charAt(i);
      if (c == '\\' && i + 1 < keyText.length()) {
        part.append(keyText.charAt(++i));
      } else if (c == ',') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  static String encode(Object value) {
    Objects.requireNonNull(value, "a cursor or key value is null");
    if (value instanceof byte[] bytes) {
      return HEX.formatHex(bytes);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object decode(String text, Class<?> type) {
    if (type == String.class) {
      return text;
    }
    if (type == long.class || type == Long.class) {
      return Long.parseLong(text);
    }
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(text);
    }
    if (type == short.class || type == Short.class) {
      return Short.parseShort(text);
    }
    if (type == byte.class || type == Byte.class) {
      return Byte.parseByte(text);
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(text);
    }
    if (type == BigDecimal.class) {
      return new BigDecimal(text);
    }
    if (type == LocalDateTime.class) {
      return LocalDateTime.parse(text);
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(text);
    }
    if (type == LocalTime.class) {
      return LocalTime.parse(text);
    }
    if (type == OffsetDateTime.class) {
      return OffsetDateTime.parse(text);
    }
    if (type == Instant.class) {
      return Instant.parse(text);
    }
    if (type == UUID.class) {
      return UUID.fromString(text);
    }
    if (type == byte[].class) {
      return HEX.parseHex(text);
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, text);
    }
    throw new IllegalArgumentException("no stored form for a cursor or key of type " + type);
  }

  @Override
  public String toString() {
    return isStartOfCursor()
        ? "(" + cursorText() + ", from its first key)"
        : "(" + cursorText() + ", " + keyText() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Position p && Arrays.deepEquals(values.toArray(), p.values.toArray());
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values.toArray());
  }
}
