package dev.tablesync.runtime.reliability;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps real data sources so that their JDBC calls are numbered, step by step, and one chosen step
 * fails. A step is a call that does work on a server: executing a statement, the first fetch of a
 * result set, setting a savepoint, a commit. The fault is thrown before the call reaches the
 * server, or after the server did the work (the reply is lost): a commit that succeeded but
 * reported a failure is the classic case.
 *
 * <p>Every data source wrapped by one plan shares its step numbers, so that source and target
 * steps are numbered in the order they happen. Calls from several threads (a snapshot reads its
 * next chunk while it writes one) are numbered as they start, each keeping its own number.
 */
final class FaultPlan {

  /** When the fault strikes. */
  enum Timing {
    /** The call never reaches the server. */
    BEFORE,
    /** The server did the work; the caller sees an error. */
    AFTER
  }

  /** What the fault looks like to the engine. */
  enum Kind {
    /** An error no retry can fix, like a bug or a missing privilege: the run fails. */
    FATAL,
    /** A deadlock, which the engine retries. */
    TRANSIENT
  }

  private static final Set<String> STATEMENT_STEPS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate");
  private static final Set<String> CONNECTION_STEPS = Set.of("commit", "setSavepoint");

  private final List<String> steps = new ArrayList<>();
  private int failAt = -1;
  private Timing timing;
  private Kind kind;
  private String injected;

  /** Numbers steps from 0 again and injects nothing. */
  synchronized void reset() {
    steps.clear();
    failAt = -1;
    injected = null;
  }

  /** Numbers steps from 0 again and fails step {@code step}. */
  synchronized void failAt(int step, Timing timing, Kind kind) {
    reset();
    this.failAt = step;
    this.timing = timing;
    this.kind = kind;
  }

  /** The steps taken since the last reset, each as {@code source: executeQuery}. */
  synchronized List<String> steps() {
    return List.copyOf(steps);
  }

  /** The step that failed, or null when the chosen step was never reached. */
  synchronized String injected() {
    return injected;
  }

  /** {@code real}, with its calls numbered as steps named after {@code name}. */
  DataSource wrap(String name, DataSource real) {
    return new FaultyDataSource(name, real);
  }

  /** Numbers a step that is about to start. */
  private synchronized int number(String label) {
    steps.add(label);
    return steps.size() - 1;
  }

  /** The fault for step {@code number} at {@code now}, if it is the chosen one. */
  private synchronized SQLException fault(int number, String label, Timing now) {
    if (number != failAt || timing != now || injected != null) {
      return null;
    }
    injected = label + " (" + timing + ", " + kind + ")";
    String message = "injected fault at step " + number + ": " + injected;
    return kind == Kind.TRANSIENT
        ? new SQLException(message + ", as a deadlock", "40001", 1213)
        : new SQLException(message, "HY000", 0);
  }

  /** Calls {@code method} as a step: the fault strikes before or after it, as planned. */
  private Object asStep(String label, Object target, Method method, Object[] args)
      throws Throwable {
    int number = number(label);
    SQLException before = fault(number, label, Timing.BEFORE);
    if (before != null) {
      throw before;
    }
    Object result = invoke(target, method, args);
    SQLException after = fault(number, label, Timing.AFTER);
    if (after != null) {
      throw after;
    }
    return result;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(FaultPlan.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private final class FaultyDataSource implements DataSource {
    private final String name;
    private final DataSource real;

    FaultyDataSource(String name, DataSource real) {
      this.name = name;
      this.real = real;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connection(real.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return connection(real.getConnection(user, password));
    }

    private Connection connection(Connection connection) {
      return proxy(
          Connection.class,
          (proxy, method, args) -> {
            String call = method.getName();
            if (CONNECTION_STEPS.contains(call)) {
              return asStep(name + ": " + call, connection, method, args);
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement
                && (call.equals("createStatement") || call.startsWith("prepare"))) {
              return statement(statement, method.getReturnType());
            }
            return result;
          });
    }

    private Statement statement(Statement statement, Class<?> type) {
      return (Statement)
          proxy(
              type,
              (proxy, method, args) -> {
                String call = method.getName();
                Object result =
                    STATEMENT_STEPS.contains(call)
                        ? asStep(name + ": " + call, statement, method, args)
                        : invoke(statement, method, args);
                return result instanceof ResultSet rs ? resultSet(rs) : result;
              });
    }

    private ResultSet resultSet(ResultSet rs) {
      boolean[] fetched = {false};
      return proxy(
          ResultSet.class,
          (proxy, method, args) -> {
            if (method.getName().equals("next") && !fetched[0]) {
              fetched[0] = true;
              return asStep(name + ": first next", rs, method, args);
            }
            return invoke(rs, method, args);
          });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return real.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return real.isWrapperFor(type);
    }
  }
}
