package dev.tablesync.processor.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a supported component type is read from a {@code ResultSet} and bound to a {@code
 * PreparedStatement}: the JDBC getter and setter, and the {@code java.sql.Types} constant for
 * binding NULL. One entry per Java type; primitives and their boxes share the JDBC calls.
 */
public enum JdbcType {
  BOOLEAN("boolean", "java.lang.Boolean", Access.NAMED, "Boolean", "BOOLEAN"),
  BYTE("byte", "java.lang.Byte", Access.NAMED, "Byte", "TINYINT"),
  SHORT("short", "java.lang.Short", Access.NAMED, "Short", "SMALLINT"),
  INT("int", "java.lang.Integer", Access.NAMED, "Int", "INTEGER"),
  LONG("long", "java.lang.Long", Access.NAMED, "Long", "BIGINT"),
  FLOAT("float", "java.lang.Float", Access.NAMED, "Float", "REAL"),
  DOUBLE("double", "java.lang.Double", Access.NAMED, "Double", "DOUBLE"),
  BIG_DECIMAL(null, "java.math.BigDecimal", Access.NAMED, "BigDecimal", "DECIMAL"),
  STRING(null, "java.lang.String", Access.NAMED, "String", "VARCHAR"),
  BYTES(null, "byte[]", Access.NAMED, "Bytes", "VARBINARY"),
  LOCAL_DATE(null, "java.time.LocalDate", Access.OBJECT, null, "DATE"),
  LOCAL_TIME(null, "java.time.LocalTime", Access.OBJECT, null, "TIME"),
  LOCAL_DATE_TIME(null, "java.time.LocalDateTime", Access.OBJECT, null, "TIMESTAMP"),
  OFFSET_DATE_TIME(null, "java.time.OffsetDateTime", Access.OBJECT, null, "TIMESTAMP_WITH_TIMEZONE"),
  /** Read and bound as an {@code OffsetDateTime} in UTC. */
  INSTANT(null, "java.time.Instant", Access.INSTANT, null, "TIMESTAMP_WITH_TIMEZONE"),
  /** Stored as its 36-character text form. */
  UUID(null, "java.util.UUID", Access.UUID_TEXT, null, "VARCHAR"),
  /** Stored by constant name. */
  ENUM(null, null, Access.ENUM_NAME, null, "VARCHAR");

  /** How values of a type move through JDBC. */
  public enum Access {
    /** {@code getX}/{@code setX} named by {@link #accessorSuffix}. */
    NAMED,
    /** JDBC 4.2 {@code getObject(i, Type.class)}/{@code setObject(i, v)}. */
    OBJECT,
    /** Through {@code OffsetDateTime} at UTC. */
    INSTANT,
    /** Through its text form with {@code getString}/{@code setString}. */
    UUID_TEXT,
    /** Through the constant's name with {@code getString}/{@code setString}. */
    ENUM_NAME
  }

  private final String primitive;
  private final String referenceType;
  private final Access access;
  private final String accessorSuffix;
  private final String sqlType;

  JdbcType(
      String primitive, String referenceType, Access access, String accessorSuffix, String sqlType) {
    this.primitive = primitive;
    this.referenceType = referenceType;
    this.access = access;
    this.accessorSuffix = accessorSuffix;
    this.sqlType = sqlType;
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

  public Access access() {
    return access;
  }

  /** The suffix of the {@code get}/{@code set} method, for {@link Access#NAMED} types. */
  public String accessorSuffix() {
    return accessorSuffix;
  }

  /** The {@code java.sql.Types} field used to bind NULL. */
  public String sqlType() {
    return sqlType;
  }
}
