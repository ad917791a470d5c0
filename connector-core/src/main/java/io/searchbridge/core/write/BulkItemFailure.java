package io.searchbridge.core.write;

/** One bulk item Elasticsearch did not accept: its position in the request, where it was going, and why. */
record BulkItemFailure(int item, String index, String id, int status, String type, String reason) {

  /** 429 (queue full) and 503 (e.g. a primary not yet allocated) mean "not now": the writer re-sends. */
  boolean retriable() {
    return status == 429 || status == 503;
  }

  /** The writer asks Elasticsearch to leave index and id out of its answer; the request has them. */
  BulkItemFailure addressedAs(String sentIndex, String sentId) {
    return new BulkItemFailure(item, index.isEmpty() ? sentIndex : index,
        id.isEmpty() && sentId != null ? sentId : id, status, type, reason);
  }
}
