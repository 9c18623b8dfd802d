package dev.tablesync.processor.check;

import static com.google.common.truth.Truth.assertThat;

import dev.tablesync.processor.model.JdbcType;
import dev.tablesync.processor.sql.SqlParsing;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which component types fit which column types, either way. */
class TypeFitTest {

  enum Way {
    /** The component is written to the column. */
    INTO,
    /** The component is read from the column. */
    FROM
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INT         | INTO | BIGINT                   | FITS",
        "LONG        | INTO | INT                      | LOSSY",
        "INT         | FROM | BIGINT                   | LOSSY",
        "LONG        | FROM | INT UNSIGNED             | FITS",
        "INT         | FROM | INT UNSIGNED             | LOSSY",
        "LONG        | INTO | DECIMAL(19, 0)           | FITS",
        "LONG        | INTO | DECIMAL(20, 2)           | LOSSY",
        "INT         | FROM | DECIMAL(9, 0)            | FITS",
        "INT         | FROM | DECIMAL(10, 0)           | LOSSY",
        "LONG        | FROM | DECIMAL(10, 2)           | LOSSY",
        "LONG        | FROM | NUMERIC                  | LOSSY",
        "BIG_DECIMAL | INTO | DECIMAL(10, 2)           | FITS",
        "BIG_DECIMAL | FROM | DECIMAL(10, 2)           | FITS",
        "BIG_DECIMAL | INTO | INT                      | LOSSY",
        "BIG_DECIMAL | FROM | BIGINT                   | FITS",
        "DOUBLE      | INTO | DECIMAL(10, 2)           | LOSSY",
        "DOUBLE      | FROM | DECIMAL(10, 2)           | LOSSY",
        "INT         | INTO | DOUBLE PRECISION         | FITS",
        "LONG        | INTO | DOUBLE PRECISION         | LOSSY",
        "DOUBLE      | INTO | REAL                     | LOSSY",
        "FLOAT       | INTO | DOUBLE PRECISION         | FITS",
        "BOOLEAN     | INTO | TINYINT                  | FITS",
        "BOOLEAN     | FROM | TINYINT                  | LOSSY",
        "BOOLEAN     | FROM | BIT                      | FITS",
        "STRING      | INTO | INT                      | MISMATCH",
        "INT         | FROM | VARCHAR(10)              | MISMATCH",
        "STRING      | FROM | NVARCHAR(MAX)            | FITS",
        "ENUM        | INTO | ENUM('RED', 'GREEN')     | FITS",
        "UUID        | INTO | CHAR(36)                 | FITS",
        "UUID        | INTO | VARCHAR(20)              | MISMATCH",
        "UUID        | FROM | VARCHAR(100)             | FITS",
        "BYTES       | INTO | BLOB                     | FITS",
        "BYTES       | INTO | VARCHAR(100)             | MISMATCH",
        "LOCAL_DATE  | INTO | TIMESTAMP                | FITS",
        "LOCAL_DATE  | FROM | TIMESTAMP                | LOSSY",
        "LOCAL_TIME  | INTO | TIMESTAMP                | MISMATCH",
        "LOCAL_DATE_TIME  | INTO | DATE                | LOSSY",
        "LOCAL_DATE_TIME  | FROM | DATETIME2(7)        | FITS",
        "LOCAL_DATE_TIME  | FROM | DATETIMEOFFSET      | LOSSY",
        "OFFSET_DATE_TIME | INTO | TIMESTAMP           | LOSSY",
        "INSTANT          | INTO | TIMESTAMP WITH TIME ZONE | FITS",
        "BIG_DECIMAL      | FROM | MONEY               | FITS",
        "STRING           | INTO | JSON                | FITS",
      })
  void fit(JdbcType component, Way way, String columnType, TypeFit.Verdict verdict) {
    TypeFit.ValueType java = TypeFit.of(component);
    TypeFit.ValueType column = TypeFit.of(columnOfType(columnType));
    TypeFit.Result result = way == Way.INTO ? TypeFit.fit(java, column) : TypeFit.fit(column, java);
    assertThat(result.verdict()).isEqualTo(verdict);
  }

  /** The type of a column declared as {@code type}, as jOOQ interprets DDL. */
  private static DataType<?> columnOfType(String type) {
    DSLContext sql = SqlParsing.lowerCaseNames();
    return sql.meta(sql.parser().parse("CREATE TABLE t (c " + type + ")").queries())
        .getTables()
        .get(0)
        .field(0)
        .getDataType();
  }
}
