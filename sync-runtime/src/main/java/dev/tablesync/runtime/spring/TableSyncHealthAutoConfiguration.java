package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Health per table under {@code tablesync} in {@code /actuator/health}, when Spring Boot's health
 * support is present and {@code management.health.tablesync.enabled} is not false.
 */
@AutoConfiguration(after = TableSyncAutoConfiguration.class)
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBooleanProperty(name = "tablesync.enabled", matchIfMissing = true)
@ConditionalOnBean(SyncEngine.class)
@ConditionalOnEnabledHealthIndicator("tablesync")
@EnableConfigurationProperties(TableSyncProperties.class)
public class TableSyncHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "tablesyncHealthContributor")
  HealthContributor tablesyncHealthContributor(
      SyncEngine engine, TableSyncProperties properties) {
    TableSyncProperties.Health thresholds = properties.getHealth();
    Map<String, String> tables = new LinkedHashMap<>();
    engine.tables().forEach(table -> tables.put(table, table));
    return CompositeHealthContributor.fromMap(
        tables, table -> new TableHealthIndicator(engine, table, thresholds));
  }
}
