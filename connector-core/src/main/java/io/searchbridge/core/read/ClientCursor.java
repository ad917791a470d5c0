package io.searchbridge.core.read;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import java.util.Iterator;

/**
 * What an engine task reads one partition with: a cursor together with the client and the
 * decoding error handlers it opened for it, so that one {@link #close()} releases all of them,
 * also when opening the cursor failed half-way.
 */
public final class ClientCursor<T> implements Iterator<T>, AutoCloseable {

  private final EsClient client;
  private final HandlerChain errorHandlers;
  private final SearchCursor<T> cursor;

  private ClientCursor(EsClient client, HandlerChain errorHandlers, SearchCursor<T> cursor) {
    this.client = client;
    this.errorHandlers = errorHandlers;
    this.cursor = cursor;
  }

  /** @param opaqueId names the job and task in Elasticsearch's logs and task list */
  public static <T> ClientCursor<T> open(Settings settings, String resource, QuerySpec query, PartitionSpec partition,
      HitDecoder<T> decoder, String opaqueId) {
    return open(settings, resource, query, partition, decoder, null, opaqueId);
  }

  /**
   * @param unhandled what the engine makes of a hit that fails to decode and that no {@code
   *     es.read.data.error.handlers} took (e.g. Spark's parse modes); {@code null} fails the task
   */
  public static <T> ClientCursor<T> open(Settings settings, String resource, QuerySpec query, PartitionSpec partition,
      HitDecoder<T> decoder, DecodingErrorHandling.Unhandled<T> unhandled, String opaqueId) {
    EsClient client = ElasticsearchJavaClient.open(settings, opaqueId);
    HandlerChain handlers = null;
    try {
      handlers = HandlerChain.open(Failure.Stage.DECODING, settings, opaqueId, client.metrics());
      HitDecoder<T> guarded = handlers.isEmpty() && unhandled == null ? decoder
          : new DecodingErrorHandling<>(decoder, handlers, unhandled == null ? DecodingErrorHandling.Unhandled.fail() : unhandled,
              opaqueId, client.metrics());
      return new ClientCursor<>(client, handlers, SearchCursor.open(client, settings, resource, query, partition, guarded));
    } catch (RuntimeException e) {
      try (EsClient closing = client) {
        if (handlers != null) {
          handlers.close();
        }
      }
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    return cursor.hasNext();
  }

  @Override
  public T next() {
    return cursor.next();
  }

  /** The counters of this partition's client: documents, bytes and requests so far. */
  public ConnectorMetrics metrics() {
    return client.metrics();
  }

  @Override
  public void close() {
    try (EsClient closing = client; HandlerChain handlers = errorHandlers) {
      cursor.close();
    }
  }
}
