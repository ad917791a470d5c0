package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.RetryPolicy;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ProgressLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents into {@code _bulk} requests of at most {@code es.batch.size.bytes} /
 * {@code es.batch.size.entries}, sends them synchronously (the caller waits, which is the
 * backpressure), re-sends only the items rejected with 429 after a growing wait, and fails with
 * the first permanent error. {@link #flush()} returns only when every buffered document is
 * acknowledged, so an engine that commits after {@code flush()} never commits unwritten data.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(1);

  private final EsClient client;
  private final ConnectorMetrics metrics;
  private final BulkActionEncoder encoder;
  private final long maxBytes;
  private final int maxEntries;
  private final RetryPolicy retryPolicy;
  private final boolean autoCreate;
  private final Set<String> knownIndexes = new HashSet<>();
  private final String name;
  private final ProgressLog progress;
  private BulkBuffer buffer;
  private long sequence;

  /** @param name names the writer (job, task) in logs and errors */
  public BulkWriter(EsClient client, Settings settings, String name) {
    this.client = client;
    this.metrics = client.metrics();
    this.encoder = new BulkActionEncoder(settings, name);
    this.maxBytes = settings.get(Keys.BATCH_SIZE_BYTES).bytes();
    this.maxEntries = settings.get(Keys.BATCH_SIZE_ENTRIES);
    Duration wait = settings.get(Keys.BATCH_WRITE_RETRY_WAIT);
    this.retryPolicy = new RetryPolicy(settings.get(Keys.BATCH_WRITE_RETRY_COUNT), wait,
        wait.compareTo(MAX_RETRY_WAIT) > 0 ? wait : MAX_RETRY_WAIT);
    this.autoCreate = settings.get(Keys.INDEX_AUTO_CREATE);
    this.name = name;
    this.progress = new ProgressLog("writing " + name, settings.get(Keys.PROGRESS_INTERVAL));
    this.buffer = new BulkBuffer((int) Math.min(maxBytes + maxBytes / 4, Integer.MAX_VALUE - 16));
  }

  /** Adds one document (JSON object bytes; ignored for deletes); may send a bulk request first. */
  public void add(String index, DocumentMetadata metadata, byte[] document) {
    checkIndexAllowed(index);
    encoder.encode(buffer, index, metadata, document, ++sequence);
    if (buffer.size() >= maxBytes || buffer.entries() >= maxEntries) {
      flush();
    }
  }

  /** Documents added but not yet sent. */
  public int bufferedDocuments() {
    return buffer.entries();
  }

  /** Sends everything buffered and returns once Elasticsearch has acknowledged every document. */
  public void flush() {
    if (buffer.entries() == 0) {
      return;
    }
    BulkBuffer pending = buffer;
    int documents = pending.entries();
    for (int attempt = 0; ; attempt++) {
      BulkBuffer sending = pending;
      long started = System.nanoTime();
      List<BulkItemFailure> failures = client.bulk(sending.data(), sending.size(),
          body -> BulkResponseParser.failures(body, sending.entries()));
      metrics.add(Counter.BYTES_WRITTEN, sending.size());
      BulkBuffer rejected = new BulkBuffer(1024);
      BulkItemFailure firstPermanent = null;
      int permanent = 0;
      for (BulkItemFailure failure : failures) {
        if (failure.rejected()) {
          rejected.copyEntry(sending, failure.item());
        } else {
          permanent++;
          firstPermanent = firstPermanent == null ? failure : firstPermanent;
        }
      }
      int accepted = sending.entries() - failures.size();
      metrics.add(Counter.DOCS_WRITTEN, accepted);
      progress.advance(accepted);
      metrics.add(Counter.DOCS_REJECTED, rejected.entries());
      LOG.debug("{}: bulk of {} documents ({} bytes) in {} ms: {} accepted, {} rejected, {} failed", name,
          sending.entries(), sending.size(), (System.nanoTime() - started) / 1_000_000, accepted, rejected.entries(), permanent);
      if (firstPermanent != null) {
        metrics.add(Counter.DOCS_FAILED, permanent);
        throw permanentFailure(firstPermanent, sending.label(firstPermanent.item(), name), permanent, documents);
      }
      if (rejected.entries() == 0) {
        break;
      }
      if (attempt >= retryPolicy.maxRetries()) {
        metrics.add(Counter.DOCS_FAILED, rejected.entries());
        throw new BulkWriteException(name + ": " + rejected.entries() + " document(s) still rejected by Elasticsearch"
            + " (429, cluster overloaded) after " + retryPolicy.maxRetries() + " retries; raise"
            + " es.batch.write.retry.count or es.batch.write.retry.wait, or lower the write concurrency", rejected.entries());
      }
      LOG.info("{}: Elasticsearch rejected {} of {} document(s) (429); retry {} of {} in {} ms", name,
          rejected.entries(), sending.entries(), attempt + 1, retryPolicy.maxRetries(), retryPolicy.delay(attempt).toMillis());
      metrics.add(Counter.DOCS_RETRIED, rejected.entries());
      retryPolicy.sleep(attempt);
      pending = rejected;
    }
    buffer.clear();
  }

  @Override
  public void close() {
    flush();
    progress.finish();
  }

  private BulkWriteException permanentFailure(BulkItemFailure first, String label, int failed, int documents) {
    String id = first.id().isEmpty() ? "" : " id [" + first.id() + "]";
    return new BulkWriteException(name + ": " + failed + " of " + documents + " document(s) in a bulk request failed;"
        + " first: " + label + " index [" + first.index() + "]" + id + ": HTTP " + first.status() + " " + first.type()
        + ": " + first.reason(), failed);
  }

  private void checkIndexAllowed(String index) {
    if (autoCreate || knownIndexes.contains(index)) {
      return;
    }
    if (!client.indexExists(index)) {
      throw new SearchbridgeException("index [" + index + "] does not exist and es.index.auto.create is false;"
          + " create it first or set es.index.auto.create=true");
    }
    knownIndexes.add(index);
  }
}
