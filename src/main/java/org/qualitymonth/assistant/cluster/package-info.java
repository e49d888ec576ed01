/**
 * Replicated mode: Redis and PostgreSQL adapters of the ports the core declares (chat's
 * and knowledge's named interface {@code ports}), wired from the core's settings. It
 * reaches nothing else of the application but the query log's scheduled jobs.
 */
@ApplicationModule(allowedDependencies = { "chat", "chat :: ports", "knowledge", "knowledge :: ports", "querylog" })
package org.qualitymonth.assistant.cluster;

import org.springframework.modulith.ApplicationModule;
