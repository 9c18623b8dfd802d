/**
 * Spring Boot auto-configuration: the {@link dev.tablesync.runtime.SyncEngine} bean with its data
 * sources by logical name and its {@code tablesync.*} properties, scheduling bound to the
 * application's lifecycle (embedded, or on Boot's Quartz scheduler), health per table, the
 * {@code tablesync} Actuator endpoint and metrics on the application's registry. Used only when
 * Spring Boot is on the class path; nothing else in the runtime refers to Spring.
 */
package dev.tablesync.runtime.spring;
