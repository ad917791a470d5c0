package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;

/** Documents Elasticsearch did not accept; the message names the first one, its index, id and reason. */
public class BulkWriteException extends SearchbridgeException {

  private final int failedDocuments;

  public BulkWriteException(String message, int failedDocuments) {
    super(message);
    this.failedDocuments = failedDocuments;
  }

  public int failedDocuments() {
    return failedDocuments;
  }
}
