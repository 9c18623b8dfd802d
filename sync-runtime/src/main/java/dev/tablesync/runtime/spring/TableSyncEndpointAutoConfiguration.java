package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code tablesync} Actuator endpoint, when Actuator is present and the endpoint exposed. */
@AutoConfiguration(after = TableSyncAutoConfiguration.class)
@ConditionalOnClass({ConditionalOnAvailableEndpoint.class, SyncEngine.class})
@ConditionalOnBooleanProperty(name = "tablesync.enabled", matchIfMissing = true)
@ConditionalOnBean(SyncEngine.class)
@ConditionalOnAvailableEndpoint(TableSyncEndpoint.class)
public class TableSyncEndpointAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TableSyncEndpoint tablesyncEndpoint(SyncEngine engine) {
    return new TableSyncEndpoint(engine);
  }
}
