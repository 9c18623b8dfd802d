package dev.tablesync.runtime.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a data source name that does not resolve as Spring Boot reports a failed start. */
class UnresolvedDataSourceFailureAnalyzer
    extends AbstractFailureAnalyzer<UnresolvedDataSourceException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnresolvedDataSourceException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
