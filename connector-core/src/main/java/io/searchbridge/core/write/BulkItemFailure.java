package io.searchbridge.core.write;

/** One bulk item Elasticsearch did not accept: its position in the request, where it was going, and why. */
record BulkItemFailure(int item, String index, String id, int status, String type, String reason) {

  boolean rejected() {
    return status == 429;
  }
}
