package dev.tablesync.sample.cli;

import dev.tablesync.runtime.engine.Redaction;

/**
 * How to reach one data source: its logical name (what tables name in {@code source} and {@code
 * target}), JDBC URL, user and password.
 *
 * @param user null when the URL carries it
 * @param password null when the URL carries it or none is needed
 */
record DataSourceSettings(String name, String url, String user, String password) {

  /** The data source as messages name it: name, URL with any password masked, user. */
  String describe() {
    return "data source '" + name + "' (" + Redaction.redact(url)
        + (user == null ? "" : ", user " + user) + ")";
  }

  /** As {@link #describe()}: a record's own text would show the password. */
  @Override
  public String toString() {
    return describe();
  }
}
