package dev.tablesync.processor.check;

import dev.tablesync.processor.model.JdbcType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.types.UByte;
import org.jooq.types.UInteger;
import org.jooq.types.ULong;
import org.jooq.types.UShort;

/**
 * Whether every value of one type survives the trip into another: a component's Java type into its
 * target column, or a source column into its component. Both directions ask the same question with
 * the arguments swapped, so there is one set of rules.
 *
 * <p>Types are compared by what values they hold ({@link ValueType}), not by name: {@code long}
 * fits {@code BIGINT} and {@code DECIMAL(19)}, {@code double} into {@code DECIMAL} may lose digits,
 * {@code String} into {@code INTEGER} is a mismatch. Column types jOOQ does not know, or that hold
 * values TableSync binds only as text ({@code JSON}, {@code UUID}, arrays), are not checked.
 */
final class TypeFit {

  /** What happens to values on the way. */
  enum Verdict {
    FITS,
    /** Some values are changed or rejected on the way: a warning. */
    LOSSY,
    /** The types hold different things: an error. */
    MISMATCH
  }

  /**
   * @param verdict how well the types fit
   * @param loss for {@link Verdict#LOSSY}, what can be lost, to complete "... can be lost"
   */
  record Result(Verdict verdict, String loss) {
    static final Result FITS = new Result(Verdict.FITS, null);
    static final Result MISMATCH = new Result(Verdict.MISMATCH, null);

    static Result lossy(String loss) {
      return new Result(Verdict.LOSSY, loss);
    }
  }

  /** The kinds of values that can be compared. */
  enum Kind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    FLOATING,
    TEXT,
    /** Stored as its 36-character text form. */
    UUID_TEXT,
    BINARY,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_WITH_ZONE,
    /** Not checked. */
    UNKNOWN
  }

  /**
   * What a type holds.
   *
   * @param kind the kind of values
   * @param size for {@link Kind#INTEGER} the bits including the sign (an unsigned 32-bit column has
   *     33); for {@link Kind#DECIMAL} the precision, 0 when it is not limited; for {@link
   *     Kind#FLOATING} the mantissa bits (24 or 53); for {@link Kind#TEXT} and {@link
   *     Kind#UUID_TEXT} the length, 0 when it is not limited
   * @param scale for {@link Kind#DECIMAL}, the digits after the point
   */
  record ValueType(Kind kind, int size, int scale) {

    static ValueType of(Kind kind) {
      return new ValueType(kind, 0, 0);
    }

    static ValueType of(Kind kind, int size) {
      return new ValueType(kind, size, 0);
    }

    /** The decimal digits the largest value of an integer type has. */
    int integerDigits() {
      return (int) Math.ceil((size - 1) * Math.log10(2));
    }
  }

  /**
   * SQL Server types that jOOQ's open-source edition parses but does not map to a type of its own,
   * by name.
   */
  private static final Map<String, ValueType> T_SQL_TYPES =
      Map.of(
          "datetime2", ValueType.of(Kind.TIMESTAMP),
          "smalldatetime", ValueType.of(Kind.TIMESTAMP),
          "datetimeoffset", ValueType.of(Kind.TIMESTAMP_WITH_ZONE),
          "money", new ValueType(Kind.DECIMAL, 19, 4),
          "smallmoney", new ValueType(Kind.DECIMAL, 10, 4),
          "image", ValueType.of(Kind.BINARY));

  /** The Java types jOOQ maps integer columns to, by bits including the sign. */
  private static final Map<Class<?>, Integer> INTEGER_BITS =
      Map.of(
          Byte.class, 8,
          Short.class, 16,
          Integer.class, 32,
          Long.class, 64,
          UByte.class, 9,
          UShort.class, 17,
          UInteger.class, 33,
          ULong.class, 65);

  private TypeFit() {}

  /** What values of a supported component type are, as a column sees them. */
  static ValueType of(JdbcType type) {
    return switch (type) {
      case BOOLEAN -> ValueType.of(Kind.BOOLEAN);
      case BYTE -> ValueType.of(Kind.INTEGER, 8);
      case SHORT -> ValueType.of(Kind.INTEGER, 16);
      case INT -> ValueType.of(Kind.INTEGER, 32);
      case LONG -> ValueType.of(Kind.INTEGER, 64);
      case FLOAT -> ValueType.of(Kind.FLOATING, 24);
      case DOUBLE -> ValueType.of(Kind.FLOATING, 53);
      case BIG_DECIMAL -> ValueType.of(Kind.DECIMAL);
      case STRING, ENUM -> ValueType.of(Kind.TEXT);
      case UUID -> ValueType.of(Kind.UUID_TEXT, 36);
      case BYTES -> ValueType.of(Kind.BINARY);
      case LOCAL_DATE -> ValueType.of(Kind.DATE);
      case LOCAL_TIME -> ValueType.of(Kind.TIME);
      case LOCAL_DATE_TIME -> ValueType.of(Kind.TIMESTAMP);
      case OFFSET_DATE_TIME, INSTANT -> ValueType.of(Kind.TIMESTAMP_WITH_ZONE);
    };
  }

  /** What values of a column type are, from the Java type jOOQ maps it to. */
  static ValueType of(DataType<?> column) {
    Class<?> type = column.getType();
    if (column.isEnum() || type == String.class) {
      return ValueType.of(Kind.TEXT, column.lengthDefined() ? column.length() : 0);
    }
    if (type == BigDecimal.class) {
      return new ValueType(
          Kind.DECIMAL, column.precisionDefined() ? column.precision() : 0, column.scale());
    }
    if (type == BigInteger.class) {
      return ValueType.of(Kind.DECIMAL);
    }
    if (type == Boolean.class) {
      return ValueType.of(Kind.BOOLEAN);
    }
    if (type == byte[].class) {
      return ValueType.of(Kind.BINARY);
    }
    Integer integerBits = INTEGER_BITS.get(type);
    if (integerBits != null) {
      return ValueType.of(Kind.INTEGER, integerBits);
    }
    if (type == Float.class || type == Double.class) {
      return ValueType.of(Kind.FLOATING, type == Float.class ? 24 : 53);
    }
    if (type == java.sql.Date.class || type == LocalDate.class) {
      return ValueType.of(Kind.DATE);
    }
    if (type == java.sql.Time.class || type == LocalTime.class) {
      return ValueType.of(Kind.TIME);
    }
    if (type == java.sql.Timestamp.class || type == LocalDateTime.class) {
      return ValueType.of(Kind.TIMESTAMP);
    }
    if (type == OffsetDateTime.class || type == Instant.class) {
      return ValueType.of(Kind.TIMESTAMP_WITH_ZONE);
    }
    return T_SQL_TYPES.getOrDefault(
        column.getTypeName().toLowerCase(Locale.ROOT), ValueType.of(Kind.UNKNOWN));
  }

  /** Whether every value of {@code from} survives the trip into {@code to}. */
  static Result fit(ValueType from, ValueType to) {
    if (to.kind() == Kind.UNKNOWN) {
      return Result.FITS;
    }
    return switch (from.kind()) {
      case BOOLEAN ->
          switch (to.kind()) {
            case BOOLEAN, INTEGER, DECIMAL -> Result.FITS;
            default -> Result.MISMATCH;
          };
      case INTEGER, DECIMAL, FLOATING ->
          switch (to.kind()) {
            case INTEGER, DECIMAL, FLOATING -> numberFit(from, to);
            case BOOLEAN -> Result.lossy("every number but 0 and 1");
            default -> Result.MISMATCH;
          };
      case TEXT ->
          to.kind() == Kind.TEXT || to.kind() == Kind.UUID_TEXT ? Result.FITS : Result.MISMATCH;
      case UUID_TEXT ->
          to.kind() == Kind.UUID_TEXT
                  || (to.kind() == Kind.TEXT && (to.size() == 0 || to.size() >= from.size()))
              ? Result.FITS
              : Result.MISMATCH;
      case BINARY, TIME -> to.kind() == from.kind() ? Result.FITS : Result.MISMATCH;
      case DATE ->
          switch (to.kind()) {
            case DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE -> Result.FITS;
            default -> Result.MISMATCH;
          };
      case TIMESTAMP ->
          switch (to.kind()) {
            case TIMESTAMP, TIMESTAMP_WITH_ZONE -> Result.FITS;
            case DATE -> Result.lossy("the time of day");
            default -> Result.MISMATCH;
          };
      case TIMESTAMP_WITH_ZONE ->
          switch (to.kind()) {
            case TIMESTAMP_WITH_ZONE -> Result.FITS;
            case TIMESTAMP -> Result.lossy("the time-zone offset");
            case DATE -> Result.lossy("the time of day and the time-zone offset");
            default -> Result.MISMATCH;
          };
      case UNKNOWN -> Result.FITS;
    };
  }

  private static final Result TOO_LARGE = Result.lossy("numbers too large for the other type");
  private static final Result FRACTION = Result.lossy("digits after the decimal point");

  private static Result numberFit(ValueType from, ValueType to) {
    if (from.kind() == Kind.FLOATING || to.kind() == Kind.FLOATING) {
      return floatingFit(from, to);
    }
    if (from.kind() == Kind.INTEGER) {
      return to.kind() == Kind.INTEGER
          ? (from.size() <= to.size() ? Result.FITS : TOO_LARGE)
          : (to.size() == 0 || to.size() - to.scale() >= from.integerDigits()
              ? Result.FITS
              : TOO_LARGE);
    }
    if (to.kind() == Kind.INTEGER) {
      if (from.size() == 0 || from.scale() > 0) {
        return FRACTION;
      }
      return from.size() < to.integerDigits() ? Result.FITS : TOO_LARGE;
    }
    // Decimal into decimal. One of unknown precision (a BigDecimal component) is taken to fit:
    // it is what users declare for DECIMAL columns, and nothing more is known about its values.
    if (from.size() == 0 || to.size() == 0) {
      return Result.FITS;
    }
    if (from.scale() > to.scale()) {
      return FRACTION;
    }
    return from.size() - from.scale() <= to.size() - to.scale() ? Result.FITS : TOO_LARGE;
  }

  private static Result floatingFit(ValueType from, ValueType to) {
    if (from.kind() == to.kind()) {
      return from.size() <= to.size() ? Result.FITS : Result.lossy("precision");
    }
    if (to.kind() == Kind.FLOATING) {
      return from.kind() == Kind.INTEGER && from.size() - 1 <= to.size()
          ? Result.FITS
          : Result.lossy(
              "exact values (floating point rounds decimal fractions and large numbers)");
    }
    return Result.lossy("fractions and large values (floating point is not exact)");
  }

  /** The supported component type that holds every value of {@code column}, for messages. */
  static String suggestedType(ValueType column) {
    JdbcType suggested =
        switch (column.kind()) {
          case BOOLEAN -> JdbcType.BOOLEAN;
          case INTEGER ->
              column.size() <= 32
                  ? JdbcType.INT
                  : column.size() <= 64 ? JdbcType.LONG : JdbcType.BIG_DECIMAL;
          case DECIMAL -> JdbcType.BIG_DECIMAL;
          case FLOATING -> column.size() <= 24 ? JdbcType.FLOAT : JdbcType.DOUBLE;
          case TEXT, UUID_TEXT, UNKNOWN -> JdbcType.STRING;
          case BINARY -> JdbcType.BYTES;
          case DATE -> JdbcType.LOCAL_DATE;
          case TIME -> JdbcType.LOCAL_TIME;
          case TIMESTAMP -> JdbcType.LOCAL_DATE_TIME;
          case TIMESTAMP_WITH_ZONE -> JdbcType.OFFSET_DATE_TIME;
        };
    return suggested.displayName();
  }
}
