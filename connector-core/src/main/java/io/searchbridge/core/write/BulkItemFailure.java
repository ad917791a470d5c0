package io.searchbridge.core.write;

import java.util.Set;

/** One bulk item Elasticsearch did not accept: its position in the request, where it was going, and why. */
record BulkItemFailure(int item, String index, String id, int status, String type, String reason) {

  /** What the writer does with a failed item. */
  enum Kind {
    /** "Not now" (429 queue full, 5xx e.g. a primary not yet allocated): re-sent after a wait, never handed to handlers. */
    RETRY,
    /** Something about this document (mapping, parsing, version conflict): the error handlers decide. */
    DOCUMENT,
    /**
     * Something about the target, not the document (authorization, a missing or closed index): every
     * other document would fail the same way, so it fails the task whatever handlers are configured.
     */
    TARGET
  }

  private static final Set<String> TARGET_ERRORS = Set.of("index_not_found_exception", "index_closed_exception",
      "security_exception", "cluster_block_exception");

  Kind kind() {
    // read_only_allow_delete (flood stage) blocks answer 429: the cluster frees disk and recovers.
    if (status == 429 || status >= 500) {
      return Kind.RETRY;
    }
    if (status == 401 || status == 403 || TARGET_ERRORS.contains(type)) {
      return Kind.TARGET;
    }
    return Kind.DOCUMENT;
  }

  boolean isVersionConflict() {
    return status == 409;
  }

  /** The writer asks Elasticsearch to leave index and id out of its answer; the request has them. */
  BulkItemFailure addressedAs(String sentIndex, String sentId) {
    return new BulkItemFailure(item, index.isEmpty() ? sentIndex : index,
        id.isEmpty() && sentId != null ? sentId : id, status, type, reason);
  }
}
