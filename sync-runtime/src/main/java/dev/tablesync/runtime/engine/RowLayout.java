package dev.tablesync.runtime.engine;

import dev.tablesync.runtime.spi.BadValueException;
import dev.tablesync.runtime.spi.ColumnSpec;
import dev.tablesync.runtime.spi.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * Where a table's cursor and key sit among its columns, and how the engine names a row: by its
 * position, its key, and its values as text.
 */
final class RowLayout {

  private final TableSpec table;
  private final int[] positionColumns;
  private final List<Class<?>> positionTypes;

  RowLayout(TableSpec table) {
    this.table = table;
    int[] keys = table.keyIndexes();
    positionColumns = new int[keys.length + 1];
    positionColumns[0] = table.cursorIndex();
    System.arraycopy(keys, 0, positionColumns, 1, keys.length);
    positionTypes =
        Arrays.stream(positionColumns).<Class<?>>mapToObj(i -> column(i).javaType()).toList();
  }

  /** The column at {@code index} in spec order. */
  ColumnSpec column(int index) {
    return table.columns().get(index);
  }

  /** The indexes of the cursor column, then of the key columns, in spec order. */
  int[] positionColumns() {
    return positionColumns.clone();
  }

  /** The types of the cursor, then of the key columns: what {@link Position#decode} takes. */
  List<Class<?>> positionTypes() {
    return positionTypes;
  }

  /** A stored position, read back. */
  Position decode(String cursorText, String keyText) {
    return Position.decode(cursorText, keyText, positionTypes);
  }

  /**
   * The position of a row whose values, in spec order, are {@code values}.
   *
   * @throws BadValueException when its cursor or a key column is NULL
   */
  Position positionOf(Object[] values) throws BadValueException {
    List<Object> position = new ArrayList<>(positionColumns.length);
    for (int column : positionColumns) {
      if (values[column] == null) {
        throw new BadValueException(column(column).name(), "a cursor or key column is NULL");
      }
      position.add(values[column]);
    }
    return new Position(position);
  }

  /** The key values among {@code values}, in key order. */
  List<Object> keyOf(Object[] values) {
    List<Object> key = new ArrayList<>();
    for (int index : table.keyIndexes()) {
      key.add(values[index]);
    }
    return key;
  }

  /** {@code column=value} for each column, from {@code valueOf(column index)}. */
  String text(IntFunction<String> valueOf) {
    StringJoiner text = new StringJoiner(", ");
    for (int i = 0; i < table.columns().size(); i++) {
      text.add(column(i).name() + "=" + valueOf.apply(i));
    }
    return text.toString();
  }
}
