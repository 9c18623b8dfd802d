package dev.tablesync.runtime.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows one read returned: records to write, rows that could not be read, and the position of
 * the last row of either kind.
 *
 * @param <R> the table's record
 */
final class SourceRows<R extends Record> {

  private final List<R> records = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private Position last;

  void add(R record, Position position) {
    records.add(record);
    last = position;
  }

  void reject(RejectedRow row) {
    rejected.add(row);
    last = row.position();
  }

  List<R> records() {
    return records;
  }

  List<RejectedRow> rejected() {
    return rejected;
  }

  /** The position of the last row read; null when that row's position could not be read. */
  Position last() {
    return last;
  }

  /** Rows read, of either kind. */
  int count() {
    return records.size() + rejected.size();
  }
}
