package io.searchbridge.core.client;

import io.searchbridge.core.SearchbridgeException;

/**
 * Elasticsearch answered a request with an error, or could not be reached. {@code status} is the
 * HTTP status (0 when no response arrived); {@code reason} is Elasticsearch's own root cause.
 */
public class EsRequestException extends SearchbridgeException {

  private final int status;
  private final String errorType;

  public EsRequestException(String message, int status, String errorType, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorType = errorType;
  }

  public int status() {
    return status;
  }

  /** Elasticsearch's error type, e.g. {@code index_not_found_exception}; empty when unknown. */
  public String errorType() {
    return errorType;
  }

  public boolean isRetriable() {
    return status == 0 || RetriableStatus.is(status);
  }
}
