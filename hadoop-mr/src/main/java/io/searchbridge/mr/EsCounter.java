package io.searchbridge.mr;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * The connector's Hadoop counters (group {@code io.searchbridge.mr.EsCounter}). Each task's
 * reader or writer adds its client's numbers once, when it closes. Hadoop sums counters over
 * tasks, and percentiles do not sum, so latencies are published as bands of requests (under
 * 10 ms, 10-100 ms, 100 ms-1 s, 1 s or more), which do.
 */
public enum EsCounter {
  DOCUMENTS_READ(Counter.DOCS_READ),
  BYTES_READ(Counter.BYTES_READ),
  SEARCH_REQUESTS(Counter.SEARCH_REQUESTS),
  SEARCH_PAGES(Counter.SEARCH_PAGES),
  DOCUMENTS_WRITTEN(Counter.DOCS_WRITTEN),
  BYTES_WRITTEN(Counter.BYTES_WRITTEN),
  BULK_REQUESTS(Counter.BULK_REQUESTS),
  /** Documents sent again after Elasticsearch rejected them with 429. */
  DOCUMENTS_RETRIED(Counter.DOCS_RETRIED),
  /** Bulk items Elasticsearch answered with 429. */
  DOCUMENTS_REJECTED(Counter.DOCS_REJECTED),
  DOCUMENTS_FAILED(Counter.DOCS_FAILED),
  /** Failed documents the error handlers took: log or custom, drop, es (dead-letter index). */
  DOCUMENTS_HANDLED(Counter.DOCS_HANDLED),
  DOCUMENTS_DROPPED(Counter.DOCS_DROPPED),
  DOCUMENTS_DEAD_LETTERED(Counter.DOCS_DEAD_LETTERED),
  REQUEST_RETRIES(Counter.REQUEST_RETRIES),
  NODE_FAILURES(Counter.NODE_FAILURES),
  SEARCHES_UNDER_10MS(Latency.SEARCH, 0, 10_000),
  SEARCHES_10MS_TO_100MS(Latency.SEARCH, 10_000, 100_000),
  SEARCHES_100MS_TO_1S(Latency.SEARCH, 100_000, 1_000_000),
  SEARCHES_1S_OR_MORE(Latency.SEARCH, 1_000_000, Long.MAX_VALUE),
  BULKS_UNDER_10MS(Latency.BULK, 0, 10_000),
  BULKS_10MS_TO_100MS(Latency.BULK, 10_000, 100_000),
  BULKS_100MS_TO_1S(Latency.BULK, 100_000, 1_000_000),
  BULKS_1S_OR_MORE(Latency.BULK, 1_000_000, Long.MAX_VALUE);

  private final ToLongFunction<ConnectorMetrics> source;

  EsCounter(Counter counter) {
    this.source = metrics -> metrics.get(counter);
  }

  EsCounter(Latency latency, long fromMicros, long toMicros) {
    this.source = metrics -> metrics.latency(latency).countBetweenMicros(fromMicros, toMicros);
  }

  /** Adds every non-zero counter of {@code metrics}; the sink is the task's counters in either Hadoop API. */
  static void publish(ConnectorMetrics metrics, BiConsumer<EsCounter, Long> sink) {
    for (EsCounter counter : values()) {
      long value = counter.source.applyAsLong(metrics);
      if (value != 0) {
        sink.accept(counter, value);
      }
    }
  }
}
