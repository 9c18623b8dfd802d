package dev.tablesync.runtime.spring.app;

import dev.tablesync.runtime.BatchReport;
import dev.tablesync.runtime.SyncListener;
import dev.tablesync.runtime.spring.SyncEngineCustomizer;
import dev.tablesync.runtime.tables.ItemSync;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as a user writes one: TableSync on the class path, its table as a
 * bean, the data sources and schedule in properties. It can slow its batches down, so that a test
 * can stop it while a run is in flight.
 */
@SpringBootApplication
public class ItemSyncApplication {

  @Bean
  ItemSync itemSync() {
    return new ItemSync();
  }

  @Bean
  BatchPause batchPause() {
    return new BatchPause();
  }

  @Bean
  SyncEngineCustomizer pauseAfterEachBatch(BatchPause pause) {
    return builder -> builder.listener(new SyncListener() {
      @Override
      public void batchCommitted(BatchReport batch) {
        pause.sleep();
      }
    });
  }

  /** How long each committed batch is followed by a pause; none by default. */
  public static final class BatchPause {
    private volatile Duration pause = Duration.ZERO;

    public void set(Duration pause) {
      this.pause = pause;
    }

    void sleep() {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
