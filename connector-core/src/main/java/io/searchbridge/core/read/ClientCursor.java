package io.searchbridge.core.read;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import java.util.Iterator;

/**
 * What an engine task reads one partition with: a cursor together with the client it opened for
 * it, so that one {@link #close()} releases both, also when opening the cursor failed half-way.
 */
public final class ClientCursor<T> implements Iterator<T>, AutoCloseable {

  private final EsClient client;
  private final SearchCursor<T> cursor;

  private ClientCursor(EsClient client, SearchCursor<T> cursor) {
    this.client = client;
    this.cursor = cursor;
  }

  /** @param opaqueId names the job and task in Elasticsearch's logs and task list */
  public static <T> ClientCursor<T> open(Settings settings, String resource, QuerySpec query, PartitionSpec partition,
      HitDecoder<T> decoder, String opaqueId) {
    EsClient client = ElasticsearchJavaClient.open(settings, opaqueId);
    try {
      return new ClientCursor<>(client, SearchCursor.open(client, settings, resource, query, partition, decoder));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The counters of this cursor's client: documents, bytes and requests of this partition's read. */
  public io.searchbridge.core.metrics.ConnectorMetrics metrics() {
    return client.metrics();
  }

  @Override
  public boolean hasNext() {
    return cursor.hasNext();
  }

  @Override
  public T next() {
    return cursor.next();
  }

  @Override
  public void close() {
    try {
      cursor.close();
    } finally {
      client.close();
    }
  }
}
