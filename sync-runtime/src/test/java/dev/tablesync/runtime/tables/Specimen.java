package dev.tablesync.runtime.tables;

import dev.tablesync.annotations.SyncCursor;
import dev.tablesync.annotations.SyncKey;
import dev.tablesync.annotations.SyncTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** A table with a column of every kind a bulk load writes as text, each nullable but the key. */
@SyncTable(
    name = "specimen",
    targetTable = "specimen_copy",
    batchSize = 7,
    query = """
        SELECT id, label, amount, ratio, weight, small, flag, born_on, opens_at, seen_at, payload,
               code, kind, changed_at
        FROM specimen
        """)
public record Specimen(
    @SyncKey long id,
    String label,
    BigDecimal amount,
    Double ratio,
    Float weight,
    Short small,
    Boolean flag,
    LocalDate bornOn,
    LocalTime opensAt,
    LocalDateTime seenAt,
    byte[] payload,
    UUID code,
    Kind kind,
    @SyncCursor LocalDateTime changedAt) {

  /** A column stored by constant name. */
  public enum Kind {
    RAW,
    PACKED,
    SHIPPED
  }
}
