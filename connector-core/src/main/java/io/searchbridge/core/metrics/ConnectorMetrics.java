package io.searchbridge.core.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connector's counters for one task or job. Thread-safe and cheap to bump on hot paths;
 * engine adapters read {@link #snapshot()} and publish the numbers in their own systems.
 */
public final class ConnectorMetrics {

  public enum Counter {
    DOCS_READ,
    BYTES_READ,
    SEARCH_REQUESTS,
    DOCS_WRITTEN,
    BYTES_WRITTEN,
    BULK_REQUESTS,
    /** Documents sent again because Elasticsearch rejected them with 429. */
    DOCS_RETRIED,
    /** Bulk items Elasticsearch answered with 429. */
    DOCS_REJECTED,
    DOCS_FAILED,
    /** Whole requests repeated after a retriable status or a connection error. */
    REQUEST_RETRIES,
    /** Requests that a node failed to answer, so the client moved to another node. */
    NODE_FAILURES,
    /**
     * Failed documents a {@code log} or custom error handler took, so the task went on without them
     * (also hits a PERMISSIVE Spark read returned in its corrupt-record column).
     */
    DOCS_HANDLED,
    /** Failed documents the {@code drop} error handler (or a DROPMALFORMED Spark read) left out. */
    DOCS_DROPPED,
    /** Failed documents the {@code es} error handler stored in the dead-letter index. */
    DOCS_DEAD_LETTERED,
    /** Times the bulk writer shrank its batches because Elasticsearch answered 429. */
    BATCH_SIZE_REDUCTIONS,
    /** Milliseconds writers waited to stay under {@code es.batch.write.rate}. */
    WRITE_RATE_WAIT_MILLIS
  }

  private final EnumMap<Counter, LongAdder> counters = new EnumMap<>(Counter.class);

  public ConnectorMetrics() {
    for (Counter counter : Counter.values()) {
      counters.put(counter, new LongAdder());
    }
  }

  public void add(Counter counter, long amount) {
    counters.get(counter).add(amount);
  }

  public long get(Counter counter) {
    return counters.get(counter).sum();
  }

  public Map<Counter, Long> snapshot() {
    EnumMap<Counter, Long> values = new EnumMap<>(Counter.class);
    counters.forEach((counter, adder) -> values.put(counter, adder.sum()));
    return values;
  }
}
