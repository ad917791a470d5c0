package io.searchbridge.core.write;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;

/**
 * What a bulk writer has taken, sent and settled, kept together with the client's counters they
 * complete, under one lock: the adding thread and the sending thread both update it, and an engine
 * may read {@link #writtenOrPending} from either side of a batch hand-over.
 */
final class WriteAccounting {

  private final ConnectorMetrics metrics;
  /** Documents added. */
  private long added;
  /** Documents acknowledged, handled or failed for good. */
  private long settled;
  /** Batches handed to the sending thread whose request has not started, and their bytes. */
  private long unsentBatches;
  private long unsentBytes;

  WriteAccounting(ConnectorMetrics metrics) {
    this.metrics = metrics;
  }

  synchronized void added() {
    added++;
  }

  /** A full batch went to the sending thread. */
  synchronized void dispatched(int bytes) {
    unsentBatches++;
    unsentBytes += bytes;
  }

  /** @param wasUnsent whether this is the first request of a batch counted by {@link #dispatched} */
  synchronized void requestStarted(int bytes, boolean wasUnsent) {
    metrics.add(Counter.BULK_REQUESTS, 1);
    metrics.add(Counter.BYTES_WRITTEN, bytes);
    if (wasUnsent) {
      unsentBatches--;
      unsentBytes -= bytes;
    }
  }

  /** @param written documents acknowledged; @param documents documents done with, handled and failed included */
  synchronized void settled(int written, int documents) {
    metrics.add(Counter.DOCS_WRITTEN, written);
    settled += documents;
  }

  /** A counter plus, for documents, requests and bytes written, what is buffered or in flight; see {@link BulkWriter#writtenOrPending}. */
  synchronized long writtenOrPending(Counter counter, BulkBuffer buffered) {
    long counted = metrics.get(counter);
    return switch (counter) {
      case DOCS_WRITTEN -> counted + added - settled;
      case BULK_REQUESTS -> counted + unsentBatches + (buffered.entries() > 0 ? 1 : 0);
      case BYTES_WRITTEN -> counted + unsentBytes + buffered.size();
      default -> counted;
    };
  }
}
