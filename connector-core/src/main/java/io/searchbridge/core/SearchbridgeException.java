package io.searchbridge.core;

/**
 * Root of every error the connector raises. Unchecked, because callers are engine tasks that can
 * only fail the task; messages name the index, document, field or setting that would fix it.
 */
public class SearchbridgeException extends RuntimeException {

  public SearchbridgeException(String message) {
    super(message);
  }

  public SearchbridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
