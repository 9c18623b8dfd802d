package dev.tablesync.processor.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a supported component type is read from a {@code ResultSet} and bound to a {@code
 * PreparedStatement}. Most types take typed JDBC calls; the few whose calls differ by database
 * (a date-time's fraction, an instant where no offset type exists, a UUID) go through the
 * runtime's {@code ColumnValues}, which each dialect supplies. One entry per Java type;
 * primitives and their boxes share the calls.
 */
public enum JdbcType {
  BOOLEAN("boolean", "java.lang.Boolean", "Boolean", Read.NAMED, Bind.NAMED, "BOOLEAN"),
  BYTE("byte", "java.lang.Byte", "Byte", Read.NAMED, Bind.NAMED, "TINYINT"),
  SHORT("short", "java.lang.Short", "Short", Read.NAMED, Bind.NAMED, "SMALLINT"),
  INT("int", "java.lang.Integer", "Int", Read.NAMED, Bind.NAMED, "INTEGER"),
  LONG("long", "java.lang.Long", "Long", Read.NAMED, Bind.NAMED, "BIGINT"),
  FLOAT("float", "java.lang.Float", "Float", Read.NAMED, Bind.AS_DOUBLE, "REAL"),
  DOUBLE("double", "java.lang.Double", "Double", Read.NAMED, Bind.NAMED, "DOUBLE"),
  BIG_DECIMAL(null, "java.math.BigDecimal", "BigDecimal", Read.NAMED, Bind.NAMED, "DECIMAL"),
  STRING(null, "java.lang.String", "String", Read.NAMED, Bind.NAMED, "VARCHAR"),
  BYTES(null, "byte[]", "Bytes", Read.NAMED, Bind.NAMED, "VARBINARY"),
  LOCAL_DATE(null, "java.time.LocalDate", null, Read.OBJECT, Bind.OBJECT, "DATE"),
  /** Bound by the dialect, since a driver may drop the fraction; read the same everywhere. */
  LOCAL_TIME(null, "java.time.LocalTime", "LocalTime", Read.OBJECT, Bind.COLUMN_VALUES, null),
  LOCAL_DATE_TIME(
      null,
      "java.time.LocalDateTime",
      "LocalDateTime",
      Read.COLUMN_VALUES,
      Bind.COLUMN_VALUES,
      null),
  OFFSET_DATE_TIME(
      null,
      "java.time.OffsetDateTime",
      "OffsetDateTime",
      Read.COLUMN_VALUES,
      Bind.COLUMN_VALUES,
      null),
  /** Read and bound as an {@code OffsetDateTime} in UTC. */
  INSTANT(null, "java.time.Instant", "OffsetDateTime", Read.INSTANT, Bind.INSTANT, null),
  /** Read as its 36-character text form; bound by the dialect, to its UUID type or to text. */
  UUID(null, "java.util.UUID", "Uuid", Read.UUID_TEXT, Bind.COLUMN_VALUES, null),
  /** Stored by constant name. */
  ENUM(null, null, null, Read.ENUM_NAME, Bind.ENUM_NAME, "VARCHAR");

  /** How values of a type are read. */
  public enum Read {
    /** {@code rs.getX(i)}, X being the {@link #accessorSuffix}. */
    NAMED,
    /** JDBC 4.2's {@code rs.getObject(i, Type.class)}. */
    OBJECT,
    /** {@code columnValues.getX(rs, i)}, X being the {@link #accessorSuffix}. */
    COLUMN_VALUES,
    /** As an {@code OffsetDateTime} through {@code columnValues}, then its instant. */
    INSTANT,
    /** Its text form with {@code getString}, parsed. */
    UUID_TEXT,
    /** The constant's name with {@code getString}. */
    ENUM_NAME
  }

  /** How values of a type are bound. */
  public enum Bind {
    /** {@code statement.setX(i, v)}, X being the {@link #accessorSuffix}. */
    NAMED,
    /** JDBC 4.2's {@code statement.setObject(i, v)}. */
    OBJECT,
    /**
     * {@code statement.setDouble(i, v)}: a float's exact value, which a {@code REAL} column takes
     * back as the same float and a {@code DOUBLE} column keeps. Bound as a float, MySQL
     * Connector/J sends the shortest decimal that names it, which a {@code DOUBLE} keeps as
     * another double: {@code Float.MAX_VALUE} then no longer reads back as a float.
     */
    AS_DOUBLE,
    /** {@code columnValues.setX(statement, i, v)}, X being the {@link #accessorSuffix}; or NULL. */
    COLUMN_VALUES,
    /** As an {@code OffsetDateTime} at UTC through {@code columnValues}; binds NULL too. */
    INSTANT,
    /** The constant's name with {@code setString}. */
    ENUM_NAME
  }

  private final String primitive;
  private final String referenceType;
  private final String accessorSuffix;
  private final Read read;
  private final Bind bind;
  private final String nullSqlType;

  JdbcType(
      String primitive,
      String referenceType,
      String accessorSuffix,
      Read read,
      Bind bind,
      String nullSqlType) {
    this.primitive = primitive;
    this.referenceType = referenceType;
    this.accessorSuffix = accessorSuffix;
    this.read = read;
    this.bind = bind;
    this.nullSqlType = nullSqlType;
  }

  /** The type for a component's type as javac prints it ({@code long}, {@code java.lang.Long}). */
  public static Optional<JdbcType> forTypeName(String typeName) {
    return Arrays.stream(values())
        .filter(t -> typeName.equals(t.primitive) || typeName.equals(t.referenceType))
        .findFirst();
  }

  /** Every supported type, for error messages. */
  public static String supportedTypeNames() {
    return Arrays.stream(values()).map(JdbcType::displayName).collect(Collectors.joining(", "));
  }

  /** The type as users write it: {@code long/Long}, {@code LocalDateTime}, {@code any enum}. */
  public String displayName() {
    if (this == ENUM) {
      return "any enum";
    }
    String simpleName = referenceType.substring(referenceType.lastIndexOf('.') + 1);
    return primitive == null ? simpleName : primitive + "/" + simpleName;
  }

  public Read read() {
    return read;
  }

  public Bind bind() {
    return bind;
  }

  /**
   * The name in the {@code get}/{@code set} methods that read or bind the type: JDBC's for {@link
   * Read#NAMED} and {@link Bind#NAMED}, {@code ColumnValues}'s for {@link Read#COLUMN_VALUES},
   * {@link Bind#COLUMN_VALUES} and the instant's.
   */
  public String accessorSuffix() {
    return accessorSuffix;
  }

  /**
   * The {@code java.sql.Types} field that binds NULL, for types the generated code binds itself;
   * null for the types {@code ColumnValues} binds, NULL included.
   */
  public String nullSqlType() {
    return nullSqlType;
  }
}
