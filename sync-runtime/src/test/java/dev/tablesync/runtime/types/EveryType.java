package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A component of every supported type: each primitive and its box, and each reference type, the
 * large text and bytes of a document or picture among them. Small batches, so that rows of a
 * megabyte or two travel a few at a time.
 */
@SyncTable(
    name = "every_type",
    targetTable = "every_type_copy",
    batchSize = 2,
    query = """
        SELECT id, primitive_boolean, boxed_boolean, primitive_byte, boxed_byte,
               primitive_short, boxed_short, primitive_int, boxed_int, primitive_long, boxed_long,
               primitive_float, boxed_float, primitive_double, boxed_double, big_decimal,
               string, large_string, bytes, large_bytes, local_date, local_time, local_date_time,
               offset_date_time, instant, uuid, color, changed_at
        FROM every_type
        """)
public record EveryType(
    @SyncKey long id,
    boolean primitiveBoolean,
    Boolean boxedBoolean,
    byte primitiveByte,
    Byte boxedByte,
    short primitiveShort,
    Short boxedShort,
    int primitiveInt,
    Integer boxedInt,
    long primitiveLong,
    Long boxedLong,
    float primitiveFloat,
    Float boxedFloat,
    double primitiveDouble,
    Double boxedDouble,
    BigDecimal bigDecimal,
    String string,
    String largeString,
    byte[] bytes,
    byte[] largeBytes,
    LocalDate localDate,
    LocalTime localTime,
    LocalDateTime localDateTime,
    OffsetDateTime offsetDateTime,
    Instant instant,
    UUID uuid,
    Color color,
    @SyncCursor LocalDateTime changedAt) {

  /** Stored by name. */
  public enum Color {
    RED,
    GREEN
  }
}
