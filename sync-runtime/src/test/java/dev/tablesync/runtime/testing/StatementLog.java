package dev.tablesync.runtime.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Wraps a data source so that the SQL of every statement its connections run is kept, once per
 * run, in order: to see which statements the engine chose.
 */
public final class StatementLog {

  private final List<String> runs = Collections.synchronizedList(new ArrayList<>());
  private final List<String> prepared = Collections.synchronizedList(new ArrayList<>());

  /** {@code real}, with the SQL its connections run kept in this log. */
  public DataSource wrap(DataSource real) {
    return proxy(DataSource.class, real, null, (method, args, result) ->
        result instanceof Connection connection ? connection(connection) : result);
  }

  /** How many runs so far were of SQL that {@code which} accepts. */
  public long count(Predicate<String> which) {
    synchronized (runs) {
      return runs.stream().filter(which).count();
    }
  }

  /** How many statements so far were prepared with SQL that {@code which} accepts. */
  public long preparedCount(Predicate<String> which) {
    synchronized (prepared) {
      return prepared.stream().filter(which).count();
    }
  }

  private Connection connection(Connection real) {
    return proxy(Connection.class, real, null, (method, args, result) -> {
      if (method.getName().equals("createStatement")) {
        return proxy(Statement.class, (Statement) result, null, (m, a, r) -> r);
      }
      if (method.getName().equals("prepareStatement")) {
        prepared.add((String) args[0]);
        return proxy(PreparedStatement.class, (PreparedStatement) result, (String) args[0],
            (m, a, r) -> r);
      }
      return result;
    });
  }

  /** What a proxy returns for a call that the real object answered with {@code result}. */
  @FunctionalInterface
  private interface Wrapping {
    Object wrap(Method method, Object[] args, Object result);
  }

  /**
   * A proxy of {@code real} that logs each {@code execute...} call: with the SQL it is given, or
   * else {@code preparedSql}.
   */
  private <T> T proxy(Class<T> type, T real, String preparedSql, Wrapping wrapping) {
    return type.cast(
        Proxy.newProxyInstance(
            StatementLog.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().startsWith("execute")) {
                boolean given = args != null && args.length > 0 && args[0] instanceof String;
                runs.add(given ? (String) args[0] : preparedSql);
              }
              try {
                return wrapping.wrap(method, args, method.invoke(real, args));
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
