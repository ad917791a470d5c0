package io.searchbridge.mr;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.util.function.BiConsumer;

/**
 * The connector's Hadoop counters (group {@code io.searchbridge.mr.EsCounter}). Each task's
 * reader or writer adds its client's numbers once, when it closes.
 */
public enum EsCounter {
  DOCUMENTS_READ(Counter.DOCS_READ),
  BYTES_READ(Counter.BYTES_READ),
  SEARCH_REQUESTS(Counter.SEARCH_REQUESTS),
  DOCUMENTS_WRITTEN(Counter.DOCS_WRITTEN),
  BYTES_WRITTEN(Counter.BYTES_WRITTEN),
  BULK_REQUESTS(Counter.BULK_REQUESTS),
  /** Documents sent again after Elasticsearch rejected them with 429. */
  DOCUMENTS_RETRIED(Counter.DOCS_RETRIED),
  DOCUMENTS_FAILED(Counter.DOCS_FAILED),
  /** Failed documents the error handlers took: log or custom, drop, es (dead-letter index). */
  DOCUMENTS_HANDLED(Counter.DOCS_HANDLED),
  DOCUMENTS_DROPPED(Counter.DOCS_DROPPED),
  DOCUMENTS_DEAD_LETTERED(Counter.DOCS_DEAD_LETTERED);

  private final Counter source;

  EsCounter(Counter source) {
    this.source = source;
  }

  /** Adds every non-zero counter of {@code metrics}; the sink is the task's counters in either Hadoop API. */
  static void publish(ConnectorMetrics metrics, BiConsumer<EsCounter, Long> sink) {
    for (EsCounter counter : values()) {
      long value = metrics.get(counter.source);
      if (value != 0) {
        sink.accept(counter, value);
      }
    }
  }
}
