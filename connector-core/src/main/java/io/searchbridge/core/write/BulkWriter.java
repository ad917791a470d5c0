package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.RetryPolicy;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents into {@code _bulk} requests of at most {@code es.batch.size.bytes} /
 * {@code es.batch.size.entries} (less while the cluster answers 429, see {@link
 * AdaptiveBatchLimit}), re-sends only the items rejected with 429/5xx after a growing wait, and
 * hands the failures of single documents (mapping, parsing, version conflicts) to the {@code
 * es.write.rest.error.handlers}; what no handler takes fails the task, and so does a failure of the
 * target itself (see {@link BulkItemFailure.Kind}), whatever the handlers. A {@code create} that
 * meets its own earlier write counts as written ({@link CreateReplays}).
 *
 * <p>A full batch is sent from a thread of the writer's own while the caller fills the next one, so
 * that Elasticsearch indexes while the engine encodes; one request at most is in flight, and the
 * caller waits for it before handing over another (the backpressure). Batches therefore reach
 * Elasticsearch in order, each one settled, retries included, before the next is sent. {@link
 * #flush()} returns only when every document added is acknowledged or handled (dead letters
 * stored), so an engine that commits after {@code flush()} never commits unwritten data.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(1);

  private final EsClient client;
  private final ConnectorMetrics metrics;
  private final BulkActionEncoder encoder;
  /** Null unless es.mapping.id.generate=content. */
  private final ContentIds contentIds;
  /** Re-encodes documents an error handler rewrote, on the sending thread, while {@link #encoder} fills the next batch. */
  private final BulkActionEncoder retryEncoder;
  private final AdaptiveBatchLimit batchLimit;
  private final RateLimiter rateLimiter;
  private final RetryPolicy retryPolicy;
  private final HandlerChain errorHandlers;
  private final boolean autoCreate;
  private final Set<String> knownIndexes = new HashSet<>();
  private final String name;
  private final ProgressLog progress;
  private final int bufferBytes;
  private BulkBuffer buffer;
  /** The buffer of the last batch sent, cleared, to fill next; null while that batch is in flight. */
  private BulkBuffer spare;
  /** Created with the first batch that fills up: a writer that only ever flushes sends from the caller's thread. */
  private ExecutorService sender;
  private Future<BulkBuffer> inFlight;
  private long sequence;
  private long rateWaitNanos;
  /** What failed a send: nothing is sent after it, so that a close() cannot write what follows a failed batch. */
  private RuntimeException failure;
  /** Documents added; like the buffer, touched only by the thread that adds. */
  private long added;
  // Guarded by this, together with the counters of the client's metrics they complete.
  /** Documents acknowledged, handled or failed for good. */
  private long settled;
  /** Batches handed to the sending thread whose request has not started, and their bytes. */
  private long unsentBatches;
  private long unsentBytes;

  /** @param name names the writer (job, task) in logs, errors and dead-letter entries */
  public BulkWriter(EsClient client, Settings settings, String name) {
    this.client = client;
    this.metrics = client.metrics();
    this.encoder = new BulkActionEncoder(settings, name);
    this.contentIds = ContentIds.forSettings(settings);
    this.retryEncoder = new BulkActionEncoder(settings, name);
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
    this.bufferBytes = (int) Math.min(maxBytes + maxBytes / 4, Integer.MAX_VALUE - 16);
    this.buffer = new BulkBuffer(bufferBytes);
    this.errorHandlers = HandlerChain.open(Failure.Stage.BULK, settings, name, metrics);
  }

  /** Adds one document (JSON object bytes; ignored for deletes); may hand a full batch over for sending. */
  public void add(String index, DocumentMetadata metadata, byte[] document) {
    checkNotFailed();
    checkIndexAllowed(index);
    throttle();
    DocumentMetadata identified = contentIds == null ? metadata : contentIds.assign(metadata, document);
    encoder.encode(buffer, index, identified, document, ++sequence);
    added++;
    if (buffer.size() >= batchLimit.bytes() || buffer.entries() >= batchLimit.entries()) {
      sendInBackground();
    }
  }

  /**
   * A counter of the client's metrics plus, for documents, bulk requests and bytes written, what
   * this writer holds or has in flight: the values once a {@link #flush()} succeeds (which either
   * sends and acknowledges every document or fails). For an engine that takes its last metric
   * values before it asks for the flush, as Spark's DataSource writers do. Called by the thread that adds.
   */
  public synchronized long writtenOrPending(Counter counter) {
    long counted = metrics.get(counter);
    return switch (counter) {
      case DOCS_WRITTEN -> counted + added - settled;
      case BULK_REQUESTS -> counted + unsentBatches + (buffer.entries() > 0 ? 1 : 0);
      case BYTES_WRITTEN -> counted + unsentBytes + buffer.size();
      default -> counted;
    };
  }

  /** Sends everything buffered and returns once every document is acknowledged or handled. */
  public void flush() {
    checkNotFailed();
    awaitInFlight();
    if (buffer.entries() > 0) {
      try {
        send(buffer, false);
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      } catch (Error e) {
        failure = new SearchbridgeException(name + ": a bulk request failed: " + e, e);
        throw e;
      }
      buffer.clear();
    }
    errorHandlers.flush();
  }

  @Override
  public void close() {
    try {
      if (failure == null) {
        flush();
        progress.finish();
      }
    } finally {
      stopSender();
      errorHandlers.close();
    }
  }

  /**
   * For a task that failed: drops what is buffered (the engine writes it again when it re-runs the
   * task) and releases the error handlers, which still store the dead letters they hold.
   */
  public void abandon() {
    buffer.clear();
    stopSender();
    errorHandlers.close();
  }

  /** Waits for the batch in flight, then hands over the full buffer and fills the spare one meanwhile. */
  private void sendInBackground() {
    awaitInFlight();
    if (sender == null) {
      sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "searchbridge bulk " + name);
        thread.setDaemon(true);
        return thread;
      });
    }
    BulkBuffer full = buffer;
    buffer = spare != null ? spare : new BulkBuffer(bufferBytes);
    spare = null;
    synchronized (this) {
      unsentBatches++;
      unsentBytes += full.size();
    }
    inFlight = sender.submit(() -> {
      send(full, true);
      full.clear();
      return full;
    });
  }

  /** Rethrows what failed the batch in flight, as the failure of the call that waited for it. */
  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      spare = inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new SearchbridgeException(name + ": interrupted while a bulk request was in flight", e);
      throw failure;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        // Nothing is sent after it either: the batch it broke may be half acknowledged.
        failure = new SearchbridgeException(name + ": the bulk sender thread failed: " + error, error);
        throw error;
      }
      failure = e.getCause() instanceof RuntimeException sendFailure ? sendFailure
          : new SearchbridgeException(name + ": bulk request failed: " + e.getCause(), e.getCause());
      throw failure;
    } finally {
      inFlight = null;
    }
  }

  private void checkNotFailed() {
    if (failure != null) {
      throw new SearchbridgeException(name + ": sends nothing more after a failed bulk request: "
          + failure.getMessage(), failure);
    }
  }

  /** A failed task does not wait for its batch in flight: interrupting it ends the request or its retry wait. */
  private void stopSender() {
    if (sender != null) {
      sender.shutdownNow();
    }
  }

  /** @param dispatched whether the batch went to the sending thread, which counted it as unsent */
  private void send(BulkBuffer pending, boolean dispatched) {
    int documents = pending.entries();
    for (int attempt = 0; ; attempt++) {
      BulkBuffer sending = pending;
      long started = System.nanoTime();
      countRequest(sending.size(), dispatched && attempt == 0);
      List<BulkItemFailure> failures = sendOnce(sending);
      Set<Integer> replays = encoder.operation() == WriteOperation.CREATE ? CreateReplays.alreadyWritten(client, sending,
          failures.stream().filter(BulkItemFailure::isVersionConflict).toList()) : Set.of();
      BulkBuffer again = new BulkBuffer(1024);
      int rejected = 0;
      int unhandled = 0;
      BulkItemFailure firstUnhandled = null;
      for (BulkItemFailure failure : failures) {
        if (replays.contains(failure.item())) {
          continue;
        }
        BulkItemFailure.Kind kind = failure.kind();
        if (kind == BulkItemFailure.Kind.RETRY) {
          again.copyEntry(sending, failure.item());
          rejected++;
        } else if (kind == BulkItemFailure.Kind.TARGET || !handled(sending, failure, attempt, again)) {
          unhandled++;
          // A failure of the target explains the others better than any document's own failure.
          boolean moreTelling = firstUnhandled == null
              || kind == BulkItemFailure.Kind.TARGET && firstUnhandled.kind() != BulkItemFailure.Kind.TARGET;
          firstUnhandled = moreTelling ? failure : firstUnhandled;
        }
      }
      if (!replays.isEmpty()) {
        LOG.info("{}: {} document(s) answered 409 to create but are stored exactly as sent, by an earlier attempt"
            + " whose answer was lost or whose task was re-run; counted as written", name, replays.size());
      }
      int accepted = sending.entries() - failures.size() + replays.size();
      settle(accepted, sending.entries() - again.entries());
      progress.advance(accepted);
      metrics.add(Counter.DOCS_REJECTED, rejected);
      if (batchLimit.onResponse(rejected > 0)) {
        metrics.add(Counter.BATCH_SIZE_REDUCTIONS, 1);
      }
      LOG.debug("{}: bulk of {} documents ({} bytes) in {} ms: {} accepted, {} rejected, {} failed; next batch limit {} docs",
          name, sending.entries(), sending.size(), (System.nanoTime() - started) / 1_000_000, accepted, rejected,
          failures.size() - replays.size() - rejected, batchLimit.entries());
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
            + " (429/5xx: cluster overloaded or shards unavailable; or sent again by an error handler) after " + retryPolicy.maxRetries()
            + " retries; raise es.batch.write.retry.count or es.batch.write.retry.wait, or lower the write concurrency",
            again.entries());
      }
      LOG.info("{}: {} of {} document(s) to send again ({} rejected with 429/5xx); retry {} of {}", name,
          again.entries(), sending.entries(), rejected, attempt + 1, retryPolicy.maxRetries());
      metrics.add(Counter.DOCS_RETRIED, again.entries());
      if (rejected > 0) {
        retryPolicy.sleep(attempt);
      }
      pending = again;
    }
  }

  private synchronized void countRequest(int bytes, boolean wasUnsent) {
    metrics.add(Counter.BULK_REQUESTS, 1);
    metrics.add(Counter.BYTES_WRITTEN, bytes);
    if (wasUnsent) {
      unsentBatches--;
      unsentBytes -= bytes;
    }
  }

  private synchronized void settle(int written, int documents) {
    metrics.add(Counter.DOCS_WRITTEN, written);
    settled += documents;
  }

  /** Asks the error handlers; a retry is queued in {@code again}. False when the failure must fail the task. */
  private boolean handled(BulkBuffer sending, BulkItemFailure failure, int attempt, BulkBuffer again) {
    int item = failure.item();
    Failure handlerView = new Failure(Failure.Stage.BULK, failure.index(), failure.id(),
        encoder.operation().wireName(), failure.status(),
        failure.type(), failure.reason(), sending.document(item), name, sending.sequence(item), attempt);
    HandlerResult result = errorHandlers.handle(handlerView);
    switch (result.kind()) {
      case HANDLED -> {
        return true;
      }
      case RETRY -> {
        retryEncoder.encode(again, sending.index(item), sending.metadata(item), result.document(), sending.sequence(item));
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
      List<BulkItemFailure> failures =
          client.bulk(sending.data(), sending.size(), body -> BulkResponseParser.failures(body, sending.entries()));
      return failures.stream()
          .map(failure -> failure.addressedAs(sending.index(failure.item()), sending.metadata(failure.item()).id()))
          .toList();
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
    String remedy = first.kind() == BulkItemFailure.Kind.TARGET
        ? "error handlers never take failures of the target itself (authorization, a missing or closed index),"
            + " which every other document would meet too: fix the index or the user's privileges"
        : "to skip or store such documents instead, set es.write.rest.error.handlers";
    return new BulkWriteException(name + ": " + failed + " of " + documents + " document(s) in a bulk request failed;"
        + " first: " + label + " index [" + first.index() + "]" + id + ": HTTP " + first.status() + " " + first.type()
        + ": " + first.reason() + " (" + remedy + ")", failed);
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
