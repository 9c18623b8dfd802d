package dev.tablesync.runtime.spring;

import dev.tablesync.runtime.SyncEngine;
import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the engine's tables on their schedules for as long as the application runs: on the
 * Quartz scheduler Spring Boot manages ({@code spring-boot-starter-quartz}) when there is one,
 * else on the embedded scheduler. {@code tablesync.scheduler.enabled=false} turns both off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tablesync.scheduler.enabled", matchIfMissing = true)
class TableSyncScheduling {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Scheduler.class)
  @ConditionalOnBean(Scheduler.class)
  static class QuartzScheduling {

    @Bean
    @ConditionalOnMissingBean
    QuartzTableRegistration tablesyncQuartzRegistration(
        Scheduler scheduler, SyncEngine engine, TableSyncProperties properties) {
      return new QuartzTableRegistration(scheduler, engine, properties.getScheduler());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(type = "org.quartz.Scheduler")
  static class EmbeddedScheduling {

    @Bean
    @ConditionalOnMissingBean
    EmbeddedSchedulerLifecycle tablesyncScheduler(
        SyncEngine engine, TableSyncProperties properties) {
      return new EmbeddedSchedulerLifecycle(engine, properties.getScheduler());
    }
  }
}
