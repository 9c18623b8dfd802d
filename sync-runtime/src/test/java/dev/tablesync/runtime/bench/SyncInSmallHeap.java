package dev.tablesync.runtime.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tablesync.runtime.SyncEngine;
import dev.tablesync.runtime.SyncResult;

/**
 * Syncs the benchmark table (a snapshot, as for any new sync) in a JVM of its own, started with a
 * small heap, to show that memory does not grow with the table. Arguments: source JDBC URL,
 * target JDBC URL.
 */
public final class SyncInSmallHeap {

  private SyncInSmallHeap() {}

  public static void main(String[] args) {
    try (HikariDataSource source = new HikariDataSource();
        HikariDataSource target = new HikariDataSource()) {
      source.setJdbcUrl(args[0]);
      target.setJdbcUrl(args[1]);
      SyncResult result =
          SyncEngine.builder()
              .dataSource("source", source)
              .dataSource("target", target)
              .table(new BenchSupplierSync())
              .build()
              .run("bench_supplier");
      System.out.println("synced " + result.rowsWritten() + " rows");
    }
  }
}
