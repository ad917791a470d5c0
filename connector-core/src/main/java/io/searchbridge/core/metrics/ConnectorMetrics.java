package io.searchbridge.core.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connector's counters and latency histograms for one task or job. Thread-safe and cheap to
 * bump on hot paths; engine adapters read {@link #snapshot()} and publish the numbers in their own
 * systems. Every instance also adds to {@link #jvmTotals()}, the process-wide sums that a metrics
 * system (JMX, Prometheus ...) samples without knowing the tasks.
 */
public final class ConnectorMetrics {

  public enum Counter {
    DOCS_READ,
    BYTES_READ,
    /** Search requests sent, retries included. */
    SEARCH_REQUESTS,
    /** Pages of hits a cursor received. */
    SEARCH_PAGES,
    DOCS_WRITTEN,
    BYTES_WRITTEN,
    BULK_REQUESTS,
    /** Documents sent again because Elasticsearch rejected them with 429. */
    DOCS_RETRIED,
    /** Bulk items Elasticsearch answered with 429. */
    DOCS_REJECTED,
    DOCS_FAILED,
    /** Whole requests repeated after a retriable status (429, 5xx) or a connection error. */
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

  /** Request latencies, from sending the request to the end of reading its response. */
  public enum Latency {
    SEARCH,
    BULK
  }

  private static final ConnectorMetrics JVM_TOTALS = new ConnectorMetrics(null);

  private final EnumMap<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
  private final EnumMap<Latency, LatencyHistogram> latencies = new EnumMap<>(Latency.class);
  private final ConnectorMetrics parent;

  public ConnectorMetrics() {
    this(JVM_TOTALS);
  }

  private ConnectorMetrics(ConnectorMetrics parent) {
    this.parent = parent;
    for (Counter counter : Counter.values()) {
      counters.put(counter, new LongAdder());
    }
    for (Latency latency : Latency.values()) {
      latencies.put(latency, new LatencyHistogram());
    }
  }

  /** Metrics that stay out of {@link #jvmTotals()}: for the connector's own traffic, such as monitoring. */
  public static ConnectorMetrics detached() {
    return new ConnectorMetrics(null);
  }

  /** The sums over every task of this JVM since it started. */
  public static ConnectorMetrics jvmTotals() {
    return JVM_TOTALS;
  }

  public void add(Counter counter, long amount) {
    counters.get(counter).add(amount);
    if (parent != null) {
      parent.add(counter, amount);
    }
  }

  public long get(Counter counter) {
    return counters.get(counter).sum();
  }

  public void recordLatency(Latency latency, long nanos) {
    latencies.get(latency).recordNanos(nanos);
    if (parent != null) {
      parent.recordLatency(latency, nanos);
    }
  }

  public LatencyHistogram.Snapshot latency(Latency latency) {
    return latencies.get(latency).snapshot();
  }

  public Map<Counter, Long> snapshot() {
    EnumMap<Counter, Long> values = new EnumMap<>(Counter.class);
    counters.forEach((counter, adder) -> values.put(counter, adder.sum()));
    return values;
  }
}
