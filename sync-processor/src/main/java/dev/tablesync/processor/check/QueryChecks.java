package dev.tablesync.processor.check;

import dev.tablesync.processor.model.ColumnModel;
import dev.tablesync.processor.model.TableModel;
import dev.tablesync.processor.read.ComponentDeclaration;
import dev.tablesync.processor.read.LoadedSchema;
import dev.tablesync.processor.read.TableDeclaration;
import dev.tablesync.processor.sql.ParserProblem;
import dev.tablesync.processor.sql.SqlParsing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Asterisk;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QualifiedAsterisk;
import org.jooq.Query;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.TableField;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;

/**
 * Checks a declaration's source query with jOOQ's parser: it is one {@code SELECT}, it neither
 * orders nor pages its rows (the engine does), and its select list names each record column once.
 * With a {@code sourceSchema}, every table and column the query names must exist there, and each
 * selected column's type must fit its component.
 */
public final class QueryChecks {

  /**
   * One entry of the query's select list.
   *
   * @param name the name the engine reads it by, or null when it has none
   * @param sql the entry as SQL, for messages
   * @param type its type, when a source schema tells it
   * @param nullable whether it can be NULL, when a source schema tells it
   */
  private record SelectedColumn(String name, String sql, DataType<?> type, boolean nullable) {}

  private final Reporter reporter;
  private final DeclaredSchemas schemas;
  private final ColumnTypeChecks columnTypeChecks;

  public QueryChecks(Reporter reporter, DeclaredSchemas schemas) {
    this.reporter = reporter;
    this.schemas = schemas;
    this.columnTypeChecks = new ColumnTypeChecks(reporter);
  }

  /** Checks the query of {@code table}, whose declaration checks passed as {@code model}. */
  public void check(TableDeclaration table, TableModel model) {
    if (!table.bool("checkQuery")) {
      return;
    }
    Optional<Select<?>> select = parse(table);
    if (select.isEmpty()) {
      return;
    }
    checkNoOrderingOrPaging(table, select.get());
    Optional<LoadedSchema.Tables> source = schemas.load(table, "sourceSchema");
    Optional<List<SelectedColumn>> columns =
        source.isPresent()
            ? selectedFromSchema(table, select.get(), source.get())
            : selectedAsWritten(table, select.get());
    columns.ifPresent(selected -> checkColumns(table, model, selected));
  }

  private Optional<Select<?>> parse(TableDeclaration table) {
    Query[] statements;
    try {
      statements = SqlParsing.asWritten().parser().parse(table.string("query")).queries();
    } catch (ParserException e) {
      ParserProblem problem = ParserProblem.of(e);
      if (problem.proEditionOnly()) {
        reportOnQuery(
            table,
            Message.QUERY_NOT_CHECKED,
            "jOOQ's open-source parser cannot read the SQL at "
                + problem.where()
                + " (only its commercial editions can)");
      } else {
        reportOnQuery(table, Message.QUERY_SYNTAX, problem.problem(), problem.where());
      }
      return Optional.empty();
    }
    if (statements.length == 1 && statements[0] instanceof Select<?> select) {
      return Optional.of(select);
    }
    reportOnQuery(
        table,
        Message.QUERY_NOT_A_SELECT,
        statements.length == 1
            ? "is " + kindOf(statements[0])
            : "holds " + statements.length + " statements");
    return Optional.empty();
  }

  /** {@code an UPDATE statement}, from the statement's first keyword. */
  private static String kindOf(Query statement) {
    String keyword =
        SqlParsing.asWritten()
            .render(statement)
            .strip()
            .split("\\s+", 2)[0]
            .toUpperCase(Locale.ROOT);
    return ("AEIOU".indexOf(keyword.charAt(0)) >= 0 ? "an " : "a ") + keyword + " statement";
  }

  private void checkNoOrderingOrPaging(TableDeclaration table, Select<?> select) {
    if (!select.$orderBy().isEmpty() || hasOwnOrderBy(SqlParsing.asWritten().render(select))) {
      reportOnQuery(table, Message.QUERY_HAS_ORDER_BY);
    }
    if (select.$limit() != null || select.$offset() != null) {
      reportOnQuery(table, Message.QUERY_HAS_ROW_LIMIT);
    }
  }

  /**
   * Whether {@code sql}, as jOOQ renders it, has an ORDER BY outside all parentheses and quotes.
   * That finds the ORDER BY of a UNION, which jOOQ's query model keeps out of {@link
   * Select#$orderBy()}, and skips those of window functions and subqueries.
   */
  private static boolean hasOwnOrderBy(String sql) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == ')') {
        depth += c == '(' ? 1 : -1;
      } else if (depth == 0 && sql.regionMatches(true, i, " order by ", 0, 10)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The select list as written; empty when it cannot be known without the source's tables (it
   * selects {@code *}), which is reported.
   */
  private Optional<List<SelectedColumn>> selectedAsWritten(
      TableDeclaration table, Select<?> select) {
    List<SelectedColumn> columns = new ArrayList<>();
    for (SelectFieldOrAsterisk entry : select.$select()) {
      if (entry instanceof Asterisk || entry instanceof QualifiedAsterisk) {
        reportOnQuery(
            table,
            Message.QUERY_NOT_CHECKED,
            "its select list has "
                + entry
                + ", whose columns are only known when it runs; list"
                + " the columns, or give a sourceSchema");
        return Optional.empty();
      }
      Field<?> field = (Field<?>) entry;
      columns.add(new SelectedColumn(nameOf(field), sql(field), null, true));
    }
    return Optional.of(columns);
  }

  /**
   * The select list with every name looked up in the source schema; empty when a name is unknown
   * (reported) or jOOQ cannot look this query up (a warning says so).
   */
  private Optional<List<SelectedColumn>> selectedFromSchema(
      TableDeclaration table, Select<?> asWritten, LoadedSchema.Tables source) {
    String lookupLimit = lookupLimit(asWritten);
    if (lookupLimit != null) {
      reportOnQuery(
          table,
          Message.QUERY_NOT_CHECKED,
          "it "
              + lookupLimit
              + ", which jOOQ cannot look up in sourceSchema, so the source's"
              + " names and types were not checked");
      return selectedAsWritten(table, asWritten);
    }
    Query resolved;
    try {
      resolved =
          SqlParsing.lookingUpNamesIn(source.meta(), source.meta().getSchemas())
              .parser()
              .parseQuery(table.string("query"));
    } catch (ParserException e) {
      ParserProblem problem = ParserProblem.of(e);
      reportOnQuery(
          table,
          Message.SOURCE_NAME_UNKNOWN,
          problem.problem().contains("table") ? "table" : "column",
          problem.where(),
          source.location().getFileName());
      return Optional.empty();
    }
    List<SelectedColumn> columns = new ArrayList<>();
    for (Field<?> field : ((Select<?>) resolved).getSelect()) {
      Field<?> value = field instanceof QOM.FieldAlias<?> alias ? alias.$field() : field;
      columns.add(
          new SelectedColumn(
              nameOf(field), sql(field), field.getDataType(), ColumnTypeChecks.nullable(value)));
    }
    return Optional.of(columns);
  }

  /**
   * What in the query jOOQ's parser cannot resolve against a schema although the query is valid, or
   * null when there is nothing: the names a {@code WITH} clause defines, and T-SQL's {@code alias =
   * expression} (read as a comparison with an unknown column {@code alias}).
   */
  private static String lookupLimit(Select<?> select) {
    if (select.$with() != null) {
      return "has a WITH clause";
    }
    if (select.$select().stream()
        .anyMatch(entry -> entry instanceof Field<?> field && tSqlAliasOf(field) != null)) {
      return "uses T-SQL's 'alias = expression' form";
    }
    return null;
  }

  private void checkColumns(
      TableDeclaration table, TableModel model, List<SelectedColumn> selected) {
    Map<String, SelectedColumn> byName = new LinkedHashMap<>();
    for (SelectedColumn column : selected) {
      if (column.name() == null) {
        reportOnQuery(table, Message.QUERY_COLUMN_WITHOUT_NAME, column.sql());
      } else if (byName.putIfAbsent(key(column.name()), column) != null) {
        reportOnQuery(table, Message.QUERY_DUPLICATE_COLUMN, column.name());
      }
    }
    List<String> names = byName.values().stream().map(SelectedColumn::name).toList();
    Set<String> accountedFor = new HashSet<>();
    for (ColumnModel column : model.columns()) {
      ComponentDeclaration component = table.component(column.component());
      SelectedColumn match = byName.get(key(column.column()));
      if (match == null) {
        Optional<String> meant = Names.closest(column.column(), names);
        meant.ifPresent(name -> accountedFor.add(key(name)));
        reporter.report(
            Message.COLUMN_NOT_IN_QUERY,
            component.reportOn(),
            component.columnAnnotation(),
            null,
            component.name(),
            column.column(),
            meant.map(name -> "did you mean '" + name + "'? ").orElse(""),
            column.column(),
            Names.list(names));
        continue;
      }
      accountedFor.add(key(match.name()));
      if (match.type() != null) {
        columnTypeChecks.check(
            component,
            column,
            match.type(),
            match.nullable(),
            "source column " + match.name(),
            ColumnTypeChecks.Direction.FROM_SOURCE);
      }
    }
    for (String name : names) {
      if (!accountedFor.contains(key(name))) {
        reportOnQuery(table, Message.QUERY_COLUMN_UNUSED, name);
      }
    }
  }

  /**
   * The name the engine reads an entry by: its alias, or the column's own name, or the alias of
   * T-SQL's {@code alias = expression}; null for an expression without an alias.
   */
  private static String nameOf(Field<?> field) {
    if (field instanceof QOM.FieldAlias<?> alias) {
      return alias.$alias().last();
    }
    if (field instanceof TableField<?, ?>) {
      return field.getName();
    }
    return tSqlAliasOf(field);
  }

  /**
   * The alias of T-SQL's {@code alias = expression} select-list entry, or null for anything else.
   * jOOQ's parser reads that form as a comparison; an unqualified name compared without an alias is
   * nothing other dialects would select by name, so reading it as T-SQL is safe.
   */
  private static String tSqlAliasOf(Field<?> field) {
    if (field instanceof QOM.Eq<?> comparison
        && comparison.$arg1() instanceof TableField<?, ?> left
        && !left.getQualifiedName().qualified()) {
      return left.getName();
    }
    return null;
  }

  private static String sql(Field<?> field) {
    return SqlParsing.asWritten().render(field);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void reportOnQuery(TableDeclaration table, Message message, Object... details) {
    Object[] arguments = new Object[details.length + 1];
    arguments[0] = table.type().getSimpleName();
    System.arraycopy(details, 0, arguments, 1, details.length);
    reporter.report(message, table.type(), table.annotation(), table.value("query"), arguments);
  }
}
