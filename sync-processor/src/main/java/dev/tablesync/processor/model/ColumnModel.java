package dev.tablesync.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One record component as a column.
 *
 * @param component the record component's name (and accessor)
 * @param column the column name in the query's select list and in the target table
 * @param type the component's Java type
 * @param jdbcType how the type moves through JDBC
 * @param role key, cursor or plain value
 */
public record ColumnModel(
    String component, String column, TypeName type, JdbcType jdbcType, Role role) {

  /** What a column does in the sync; mirrors the runtime's {@code ColumnSpec.Role}. */
  public enum Role {
    KEY,
    CURSOR,
    VALUE
  }

  /** Whether the component is a primitive, which cannot hold NULL. */
  public boolean primitive() {
    return type.isPrimitive();
  }
}
