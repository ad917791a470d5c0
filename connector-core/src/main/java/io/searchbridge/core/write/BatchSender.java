package io.searchbridge.core.write;

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
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch until every document in it is acknowledged, handled or failed for good. Items
 * rejected with 429/5xx are sent again alone after a growing wait; failures of single documents go
 * to the {@code es.write.rest.error.handlers}; failures of the target itself fail the batch
 * whatever the handlers (see {@link BulkItemFailure.Kind}); a {@code create} that meets its own
 * earlier write counts as written ({@link CreateReplays}).
 */
final class BatchSender {

  private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(1);

  private final EsClient client;
  private final ConnectorMetrics metrics;
  private final WriteOperation operation;
  /** Re-encodes documents an error handler rewrote, on the sending thread, while the writer's encoder fills the next batch. */
  private final BulkActionEncoder retryEncoder;
  private final RetryPolicy retryPolicy;
  private final HandlerChain errorHandlers;
  private final AdaptiveBatchLimit batchLimit;
  private final WriteAccounting accounting;
  private final ProgressLog progress;
  private final String name;

  BatchSender(EsClient client, Settings settings, String name, HandlerChain errorHandlers, AdaptiveBatchLimit batchLimit,
      WriteAccounting accounting, ProgressLog progress) {
    this.client = client;
    this.metrics = client.metrics();
    this.operation = settings.get(Keys.WRITE_OPERATION);
    this.retryEncoder = new BulkActionEncoder(settings, name);
    Duration wait = settings.get(Keys.BATCH_WRITE_RETRY_WAIT);
    this.retryPolicy = new RetryPolicy(settings.get(Keys.BATCH_WRITE_RETRY_COUNT), wait,
        wait.compareTo(MAX_RETRY_WAIT) > 0 ? wait : MAX_RETRY_WAIT);
    this.errorHandlers = errorHandlers;
    this.batchLimit = batchLimit;
    this.accounting = accounting;
    this.progress = progress;
    this.name = name;
  }

  /** @param dispatched whether the batch went to the sending thread, which counted it as unsent */
  void send(BulkBuffer pending, boolean dispatched) {
    int documents = pending.entries();
    for (int attempt = 0; ; attempt++) {
      BulkBuffer sending = pending;
      long started = System.nanoTime();
      accounting.requestStarted(sending.size(), dispatched && attempt == 0);
      List<BulkItemFailure> failures = sendOnce(sending);
      Set<Integer> replays = operation == WriteOperation.CREATE ? CreateReplays.alreadyWritten(client, sending,
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
      accounting.settled(accepted, sending.entries() - again.entries());
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
            + " (429/5xx: cluster overloaded or shards unavailable; or sent again by an error handler) after "
            + retryPolicy.maxRetries() + " retries; raise es.batch.write.retry.count or es.batch.write.retry.wait, or"
            + " lower the write concurrency", again.entries());
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

  /** Asks the error handlers; a retry is queued in {@code again}. False when the failure must fail the task. */
  private boolean handled(BulkBuffer sending, BulkItemFailure failure, int attempt, BulkBuffer again) {
    int item = failure.item();
    Failure handlerView = new Failure(Failure.Stage.BULK, failure.index(), failure.id(), operation.wireName(),
        failure.status(), failure.type(), failure.reason(), sending.document(item), name, sending.sequence(item), attempt);
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
}
