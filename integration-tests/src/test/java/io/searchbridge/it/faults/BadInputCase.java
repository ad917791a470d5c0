package io.searchbridge.it.faults;

import java.util.List;
import java.util.Map;

/**
 * One entry of the bad-input corpus: what is given, where it goes, and what must come back.
 *
 * @param path how the input reaches the cluster
 * @param target the state of the index the case runs against
 * @param indexBody the create-index body (settings and mappings), or {@code null} for none
 * @param input documents to write (one JSON text each), or nothing for reads and settings
 * @param settings connector settings on top of {@code es.nodes} (and the index, for writes and reads)
 * @param expected fragments the error (or, for {@link Path#SETTINGS_WARNING} and
 *     {@link Path#CORE_WRITE_HANDLED}, the log)
 *     must all contain; empty when the input is valid and must succeed
 * @param landed documents in the index afterwards (written or read back); -1 when there is no index
 * @param forbidden text that must not appear in the error, e.g. a secret value
 */
record BadInputCase(String name, Path path, Target target, String indexBody, List<String> input,
    Map<String, String> settings, List<String> expected, long landed, String forbidden) {

  enum Path {
    /** {@code Settings.of} and opening a client. */
    SETTINGS,
    /** Settings that are accepted with a warning in the log. */
    SETTINGS_WARNING,
    /** Documents through the core {@code DocumentEncoder.encodeJson} and {@code BulkWriter}. */
    CORE_WRITE,
    /** As {@link #CORE_WRITE}, with error handlers that take the bad documents: no error, the handler's log names them. */
    CORE_WRITE_HANDLED,
    /** A core read (planner and cursors) of the whole index. */
    CORE_READ,
    /** {@code saveJsonToEs} through Spark. */
    SPARK_JSON_WRITE,
    /** {@code spark.read.format("searchbridge")} and a count. */
    SPARK_READ
  }

  enum Target { NEW_INDEX, MISSING, CLOSED, RED, ALIAS_OVER_TWO_INDEXES, ON_SMALL_REQUEST_LIMIT_SERVER }

  boolean succeeds() {
    return expected.isEmpty();
  }

  @Override
  public String toString() {
    return name;
  }
}
