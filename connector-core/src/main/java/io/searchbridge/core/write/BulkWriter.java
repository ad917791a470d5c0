package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.RetryPolicy;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.handler.HandlerResult;
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
 * {@code es.batch.size.entries} (less while the cluster answers 429, see {@link
 * AdaptiveBatchLimit}), sends them synchronously (the caller waits, which is the backpressure),
 * re-sends only the items rejected with 429/503 after a growing wait, and hands every other failed
 * item to the {@code es.write.rest.error.handlers}; what no handler takes fails the task.
 * {@link #flush()} returns only when every buffered document is acknowledged or handled (dead
 * letters stored), so an engine that commits after {@code flush()} never commits unwritten data.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(1);

  private final EsClient client;
  private final ConnectorMetrics metrics;
  private final BulkActionEncoder encoder;
  private final AdaptiveBatchLimit batchLimit;
  private final RateLimiter rateLimiter;
  private final RetryPolicy retryPolicy;
  private final HandlerChain errorHandlers;
  private final boolean autoCreate;
  private final Set<String> knownIndexes = new HashSet<>();
  private final String name;
  private final ProgressLog progress;
  private final BulkBuffer buffer;
  private long sequence;
  private long rateWaitNanos;

  /** @param name names the writer (job, task) in logs, errors and dead-letter entries */
  public BulkWriter(EsClient client, Settings settings, String name) {
    this.client = client;
    this.metrics = client.metrics();
    this.encoder = new BulkActionEncoder(settings, name);
    long maxBytes = settings.get(Keys.BATCH_SIZE_BYTES).bytes();
    this.batchLimit = new AdaptiveBatchLimit(maxBytes, settings.get(Keys.BATCH_SIZE_ENTRIES),
        settings.get(Keys.BATCH_WRITE_ADAPTIVE));
    int rate = settings.get(Keys.BATCH_WRITE_RATE);
    this.rateLimiter = rate > 0 ? RateLimiter.realTime(rate) : null;
    Duration wait = settings.get(Keys.BATCH_WRITE_RETRY_WAIT);
    this.retryPolicy = new RetryPolicy(settings.get(Keys.BATCH_WRITE_RETRY_COUNT), wait,
        wait.compareTo(MAX_RETRY_WAIT) > 0 ? wait : MAX_RETRY_WAIT);
    this.autoCreate = settings.get(Keys.INDEX_AUTO_CREATE);
    this.name = name;
    this.progress = new ProgressLog("writing " + name, settings.get(Keys.PROGRESS_INTERVAL));
    this.buffer = new BulkBuffer((int) Math.min(maxBytes + maxBytes / 4, Integer.MAX_VALUE - 16));
    this.errorHandlers = HandlerChain.open(Failure.Stage.BULK, settings, name, metrics);
  }

  /** Adds one document (JSON object bytes; ignored for deletes); may send a bulk request first. */
  public void add(String index, DocumentMetadata metadata, byte[] document) {
    checkIndexAllowed(index);
    throttle();
    encoder.encode(buffer, index, metadata, document, ++sequence);
    if (buffer.size() >= batchLimit.bytes() || buffer.entries() >= batchLimit.entries()) {
      flush();
    }
  }

  /** Documents added but not yet sent. */
  public int bufferedDocuments() {
    return buffer.entries();
  }

  /** Sends everything buffered and returns once every document is acknowledged or handled. */
  public void flush() {
    if (buffer.entries() > 0) {
      send(buffer);
      buffer.clear();
    }
    errorHandlers.flush();
  }

  @Override
  public void close() {
    try {
      flush();
      progress.finish();
    } finally {
      errorHandlers.close();
    }
  }

  /**
   * For a task that failed: drops what is buffered (the engine writes it again when it re-runs the
   * task) and releases the error handlers, which still store the dead letters they hold.
   */
  public void abandon() {
    buffer.clear();
    errorHandlers.close();
  }

  private void send(BulkBuffer pending) {
    int documents = pending.entries();
    for (int attempt = 0; ; attempt++) {
      BulkBuffer sending = pending;
      long started = System.nanoTime();
      List<BulkItemFailure> failures = sendOnce(sending);
      metrics.add(Counter.BYTES_WRITTEN, sending.size());
      BulkBuffer again = new BulkBuffer(1024);
      int rejected = 0;
      int unhandled = 0;
      BulkItemFailure firstUnhandled = null;
      for (BulkItemFailure failure : failures) {
        if (failure.retriable()) {
          again.copyEntry(sending, failure.item());
          rejected++;
        } else if (!handled(sending, failure, attempt, again)) {
          unhandled++;
          firstUnhandled = firstUnhandled == null ? failure : firstUnhandled;
        }
      }
      int accepted = sending.entries() - failures.size();
      metrics.add(Counter.DOCS_WRITTEN, accepted);
      progress.advance(accepted);
      metrics.add(Counter.DOCS_REJECTED, rejected);
      if (batchLimit.onResponse(rejected > 0)) {
        metrics.add(Counter.BATCH_SIZE_REDUCTIONS, 1);
      }
      LOG.debug("{}: bulk of {} documents ({} bytes) in {} ms: {} accepted, {} rejected, {} failed; next batch limit {} docs",
          name, sending.entries(), sending.size(), (System.nanoTime() - started) / 1_000_000, accepted, rejected,
          failures.size() - rejected, batchLimit.entries());
      if (firstUnhandled != null) {
        metrics.add(Counter.DOCS_FAILED, unhandled);
        throw permanentFailure(firstUnhandled, sending.label(firstUnhandled.item(), name), unhandled, documents);
      }
      if (again.entries() == 0) {
        return;
      }
      if (attempt >= retryPolicy.maxRetries()) {
        metrics.add(Counter.DOCS_FAILED, again.entries());
        throw new BulkWriteException(name + ": " + again.entries() + " document(s) still rejected by Elasticsearch"
            + " (429/503, cluster overloaded; or sent again by an error handler) after " + retryPolicy.maxRetries()
            + " retries; raise es.batch.write.retry.count or es.batch.write.retry.wait, or lower the write concurrency",
            again.entries());
      }
      LOG.info("{}: {} of {} document(s) to send again ({} rejected with 429/503); retry {} of {}", name,
          again.entries(), sending.entries(), rejected, attempt + 1, retryPolicy.maxRetries());
      metrics.add(Counter.DOCS_RETRIED, again.entries());
      if (rejected > 0) {
        retryPolicy.sleep(attempt);
      }
      pending = again;
    }
  }

  /** Asks the error handlers; a retry is queued in {@code again}. False when the failure must fail the task. */
  private boolean handled(BulkBuffer sending, BulkItemFailure failure, int attempt, BulkBuffer again) {
    int item = failure.item();
    String index = failure.index().isEmpty() ? sending.index(item) : failure.index();
    String id = failure.id().isEmpty() && sending.metadata(item).id() != null ? sending.metadata(item).id() : failure.id();
    Failure handlerView = new Failure(Failure.Stage.BULK, index, id, encoder.operation().wireName(), failure.status(),
        failure.type(), failure.reason(), sending.document(item), name, sending.sequence(item), attempt);
    HandlerResult result = errorHandlers.handle(handlerView);
    switch (result.kind()) {
      case HANDLED -> {
        return true;
      }
      case RETRY -> {
        encoder.encode(again, sending.index(item), sending.metadata(item), result.document(), sending.sequence(item));
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private void throttle() {
    if (rateLimiter == null) {
      return;
    }
    rateWaitNanos += rateLimiter.acquire(1);
    if (rateWaitNanos >= 1_000_000) {
      metrics.add(Counter.WRITE_RATE_WAIT_MILLIS, rateWaitNanos / 1_000_000);
      rateWaitNanos %= 1_000_000;
    }
  }

  /** One bulk request; a 413 is explained with the largest document, which is what the user must act on. */
  private List<BulkItemFailure> sendOnce(BulkBuffer sending) {
    try {
      return client.bulk(sending.data(), sending.size(), body -> BulkResponseParser.failures(body, sending.entries()));
    } catch (EsRequestException e) {
      if (e.status() != 413) {
        throw e;
      }
      int largest = sending.largestEntry();
      throw new BulkWriteException(name + ": Elasticsearch refused a bulk request of " + sending.entries()
          + " document(s), " + sending.size() + " bytes, as larger than its http.max_content_length (HTTP 413); the"
          + " largest is " + sending.label(largest, name) + " with " + sending.entryBytes(largest) + " bytes. Lower"
          + " es.batch.size.bytes, or, when one document alone is over the limit, shrink it or raise the cluster's"
          + " http.max_content_length", sending.entries());
    }
  }

  private BulkWriteException permanentFailure(BulkItemFailure first, String label, int failed, int documents) {
    String id = first.id().isEmpty() ? "" : " id [" + first.id() + "]";
    return new BulkWriteException(name + ": " + failed + " of " + documents + " document(s) in a bulk request failed;"
        + " first: " + label + " index [" + first.index() + "]" + id + ": HTTP " + first.status() + " " + first.type()
        + ": " + first.reason() + " (to skip or store such documents instead, set es.write.rest.error.handlers)", failed);
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
