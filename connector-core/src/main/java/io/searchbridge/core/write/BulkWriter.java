package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ProgressLog;
import java.util.HashSet;
import java.util.Set;

/**
 * Buffers documents into {@code _bulk} requests of at most {@code es.batch.size.bytes} /
 * {@code es.batch.size.entries} (less while the cluster answers 429, see {@link
 * AdaptiveBatchLimit}) and has each batch settled by a {@link BatchSender}: retried, handled or
 * failed.
 *
 * <p>A full batch is sent from a thread of the writer's own ({@link InFlightBatch}) while the
 * caller fills the next one; one request at most is in flight, and the caller waits for it before
 * handing over another (the backpressure). Batches therefore reach Elasticsearch in order, each one
 * settled, retries included, before the next is sent.
 *
 * <p>Lifecycle: {@link #add} any number of times; {@link #flush()} returns only when every document
 * added is acknowledged or handled (dead letters stored), so an engine that commits after it never
 * commits unwritten data; {@link #close()} is the one end state, reached on success and failure
 * alike: it releases the thread and the error handlers and sends nothing, so what was not flushed is
 * dropped (a failed task is run again from its input). After a failed send nothing more is sent.
 */
public final class BulkWriter implements AutoCloseable {

  private final EsClient client;
  private final ConnectorMetrics metrics;
  private final BulkActionEncoder encoder;
  /** Null unless es.mapping.id.generate=content. */
  private final ContentIds contentIds;
  private final AdaptiveBatchLimit batchLimit;
  private final RateLimiter rateLimiter;
  private final HandlerChain errorHandlers;
  private final WriteAccounting accounting;
  private final BatchSender sender;
  private final InFlightBatch inFlight;
  private final boolean autoCreate;
  private final Set<String> knownIndexes = new HashSet<>();
  private final String name;
  private final ProgressLog progress;
  private final int bufferBytes;
  private BulkBuffer buffer;
  /** The buffer of the last batch sent, cleared, to fill next; null while that batch is in flight. */
  private BulkBuffer spare;
  private long sequence;
  private long rateWaitNanos;
  /** What failed a send: nothing is sent after it. */
  private RuntimeException failure;

  /** @param name names the writer (job, task) in logs, errors and dead-letter entries */
  public BulkWriter(EsClient client, Settings settings, String name) {
    this.client = client;
    this.metrics = client.metrics();
    this.encoder = new BulkActionEncoder(settings, name);
    this.contentIds = ContentIds.forSettings(settings);
    long maxBytes = settings.get(Keys.BATCH_SIZE_BYTES).bytes();
    this.batchLimit = new AdaptiveBatchLimit(maxBytes, settings.get(Keys.BATCH_SIZE_ENTRIES),
        settings.get(Keys.BATCH_WRITE_ADAPTIVE));
    int rate = settings.get(Keys.BATCH_WRITE_RATE);
    this.rateLimiter = rate > 0 ? RateLimiter.realTime(rate) : null;
    this.autoCreate = settings.get(Keys.INDEX_AUTO_CREATE);
    this.name = name;
    this.progress = new ProgressLog("writing " + name, settings.get(Keys.PROGRESS_INTERVAL));
    this.bufferBytes = (int) Math.min(maxBytes + maxBytes / 4, Integer.MAX_VALUE - 16);
    this.buffer = new BulkBuffer(bufferBytes);
    this.accounting = new WriteAccounting(metrics);
    this.errorHandlers = HandlerChain.open(Failure.Stage.BULK, settings, name, metrics);
    this.sender = new BatchSender(client, settings, name, errorHandlers, batchLimit, accounting, progress);
    this.inFlight = new InFlightBatch(name);
  }

  /** Adds one document (JSON object bytes; ignored for deletes); may hand a full batch over for sending. */
  public void add(String index, DocumentMetadata metadata, byte[] document) {
    checkNotFailed();
    checkIndexAllowed(index);
    throttle();
    DocumentMetadata identified = contentIds == null ? metadata : contentIds.assign(metadata, document);
    encoder.encode(buffer, index, identified, document, ++sequence);
    accounting.added();
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
  public long writtenOrPending(Counter counter) {
    return accounting.writtenOrPending(counter, buffer);
  }

  /** Sends everything buffered and returns once every document is acknowledged or handled. */
  public void flush() {
    checkNotFailed();
    awaitInFlight();
    if (buffer.entries() > 0) {
      failOnThrow(() -> sender.send(buffer, false));
      buffer.clear();
    }
    errorHandlers.flush();
  }

  /** Whether a send failed: from then on the writer sends nothing. */
  public boolean hasFailed() {
    return failure != null;
  }

  /** Releases the sending thread and the error handlers (which store the dead letters they hold); sends nothing. */
  @Override
  public void close() {
    if (failure == null && buffer.entries() == 0 && inFlight.isEmpty()) {
      progress.finish();
    }
    buffer.clear();
    inFlight.stop();
    errorHandlers.close();
  }

  /** Waits for the batch in flight, then hands over the full buffer and fills the spare one meanwhile. */
  private void sendInBackground() {
    awaitInFlight();
    BulkBuffer full = buffer;
    buffer = spare != null ? spare : new BulkBuffer(bufferBytes);
    spare = null;
    accounting.dispatched(full.size());
    inFlight.send(full, batch -> sender.send(batch, true));
  }

  private void awaitInFlight() {
    failOnThrow(() -> spare = inFlight.await());
  }

  /** Runs a send; whatever it throws, an {@link Error} included, fails the writer for good. */
  private void failOnThrow(Runnable send) {
    try {
      send.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } catch (Error e) {
      // The batch it broke may be half acknowledged: nothing may be sent after it either.
      failure = new SearchbridgeException(name + ": a bulk request failed: " + e, e);
      throw e;
    }
  }

  private void checkNotFailed() {
    if (failure != null) {
      throw new SearchbridgeException(name + ": sends nothing more after a failed bulk request: "
          + failure.getMessage(), failure);
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
