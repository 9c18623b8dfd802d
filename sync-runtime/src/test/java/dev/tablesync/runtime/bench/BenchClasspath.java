package dev.tablesync.runtime.bench;

/** The class path the benchmark runs with, to hand to javac and to child JVMs. */
final class BenchClasspath {

  private BenchClasspath() {}

  static String get() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
