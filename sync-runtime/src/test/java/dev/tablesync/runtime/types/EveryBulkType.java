package dev.tablesync.runtime.types;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * {@link EveryType} without its instants ({@code OffsetDateTime}, {@code Instant}), which always
 * take the upsert: a table the target's bulk paths take, with a component of every other type.
 */
@SyncTable(
    name = "every_bulk_type",
    targetTable = "every_bulk_type_copy",
    batchSize = 2,
    query = """
        SELECT id, primitive_boolean, boxed_boolean, primitive_byte, boxed_byte,
               primitive_short, boxed_short, primitive_int, boxed_int, primitive_long, boxed_long,
               primitive_float, boxed_float, primitive_double, boxed_double, big_decimal,
               string, large_string, bytes, large_bytes, local_date, local_time, local_date_time,
               uuid, color, changed_at
        FROM every_bulk_type
        """)
public record EveryBulkType(
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
    UUID uuid,
    EveryType.Color color,
    @SyncCursor LocalDateTime changedAt) {}
