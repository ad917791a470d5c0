package io.searchbridge.core.client;

import io.searchbridge.core.metrics.ConnectorMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the connector asks of a cluster, in the connector's own terms. Nothing outside this
 * package sees the client library underneath, so that another implementation (OpenSearch, which
 * the typed Elasticsearch client refuses) can be added without touching planners or writers.
 *
 * <p>Hot paths ({@link #search}, {@link #bulk}) move raw bytes and hand the response stream to a
 * reader, so that pages and bulk responses are parsed once, by streaming, without an object model.
 */
public interface EsClient extends AutoCloseable {

  /** Version of the node answering, from {@code _nodes/_local} (the connector never needs {@code GET /}). */
  String serverVersion();

  /** The nodes requests currently go to: the configured ones, or the discovered data nodes. */
  List<NodeAddress> nodes();

  boolean indexExists(String index);

  /** Creates an index; {@code bodyJson} holds its settings and mappings, as the create-index API takes them. */
  void createIndex(String index, String bodyJson);

  void deleteIndex(String index);

  /** Creates or replaces a composable index template; {@code bodyJson} is the put-index-template body. */
  void putIndexTemplate(String name, String bodyJson);

  void refresh(String resource);

  /** Applies an {@code _aliases} body: its actions (add, remove, remove_index) happen atomically. */
  void updateAliases(String bodyJson);

  /** The raw {@code GET {index}} body: settings, mappings and aliases of each index. */
  byte[] indexDefinition(String index);

  /** The raw {@code GET {resource}/_mapping} body, parsed by the mapping package. */
  byte[] mappings(String resource);

  /** Every copy of every shard of the indexes {@code resource} resolves to, started or not. */
  List<ShardCopy> searchShards(String resource);

  /** Documents matching {@code queryJson} (a query object), in one shard when {@code shard} is given. */
  long count(String resource, String queryJson, Optional<Integer> shard);

  /**
   * Opens a point-in-time over {@code resource}, or over one shard of it when {@code shard} is given
   * (searches with a point-in-time refuse {@code preference}, so the point-in-time itself is pinned).
   */
  String openPointInTime(String resource, Duration keepAlive, Optional<Integer> shard);

  /** Releases a point-in-time; one that is already gone is not an error. */
  void closePointInTime(String pitId);

  /** POSTs a search body to {@code path} (e.g. {@code /_search}) and lets {@code reader} stream the answer. */
  <T> T search(String path, byte[] body, ResponseReader<T> reader);

  /** Sends a {@code _bulk} body (the first {@code length} bytes of {@code body}); the answer lists each item's status and error only. */
  <T> T bulk(byte[] body, int length, ResponseReader<T> reader);

  /** POSTs an {@code _mget} body (a {@code docs} array) and lets {@code reader} stream the answer: each document's {@code found} and {@code _source}. */
  <T> T multiGet(byte[] body, ResponseReader<T> reader);

  ConnectorMetrics metrics();

  @Override
  void close();
}
