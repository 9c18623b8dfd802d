package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;

/**
 * Changes the engine's configuration after the {@code tablesync.*} properties and the data
 * sources were applied, before the engine is built: a listener, a retry policy in code. Every
 * bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface SyncEngineCustomizer {

  void customize(SyncEngine.Builder builder);
}
