package io.searchbridge.core.client;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.NodeShard;
import co.elastic.clients.elasticsearch.core.SearchShardsResponse;
import co.elastic.clients.elasticsearch.core.search_shards.SearchShardsNodeAttributes;
import co.elastic.clients.elasticsearch.indices.stats.ShardRoutingState;
import co.elastic.clients.elasticsearch.nodes.info.NodeInfo;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EsClient} on the official elasticsearch-java client: the typed API for control calls,
 * its low-level {@link RestClient} for the byte-moving hot paths. The low-level client fails over
 * to the next node on connection errors and 502/503/504; {@link Retrier} adds bounded backoff.
 */
public final class ElasticsearchJavaClient implements EsClient {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchJavaClient.class);
  private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

  private final RestClient rest;
  private final ElasticsearchClient typed;
  private final Retrier retrier;
  private final ConnectorMetrics metrics;
  private final List<NodeAddress> nodes;

  private ElasticsearchJavaClient(RestClient rest, Retrier retrier, ConnectorMetrics metrics, List<NodeAddress> nodes) {
    this.rest = rest;
    this.typed = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER)));
    this.retrier = retrier;
    this.metrics = metrics;
    this.nodes = new CopyOnWriteArrayList<>(nodes);
  }

  /**
   * Opens a client. {@code opaqueId} goes out as {@code X-Opaque-Id} on every request, so that slow
   * or failing requests in Elasticsearch's logs and task list can be traced to a job and task.
   */
  public static EsClient open(Settings settings, String opaqueId, ConnectorMetrics metrics) {
    SeedNodes seeds = SeedNodes.of(settings);
    RestClient rest = RestClientFactory.build(settings, seeds, opaqueId, new RestClient.FailureListener() {
      @Override
      public void onFailure(Node node) {
        metrics.add(Counter.NODE_FAILURES, 1);
        LOG.warn("Elasticsearch node {} failed to answer; trying the next node", node.getHost());
      }
    });
    RetryPolicy policy = new RetryPolicy(settings.get(Keys.HTTP_RETRIES), settings.get(Keys.HTTP_RETRY_WAIT),
        settings.get(Keys.HTTP_TIMEOUT));
    ElasticsearchJavaClient client = new ElasticsearchJavaClient(rest, new Retrier(policy, metrics), metrics,
        seeds.nodes());
    if (settings.discoveryEnabled()) {
      client.discover(settings.get(Keys.NODES_DATA_ONLY), seeds.scheme());
    }
    return client;
  }

  public static EsClient open(Settings settings, String opaqueId) {
    return open(settings, opaqueId, new ConnectorMetrics());
  }

  /**
   * Replaces the seed nodes by the cluster's HTTP-enabled (data) nodes, as ES-Hadoop's discovery does.
   * {@code _nodes} reports bare addresses, so they take the seeds' scheme: TLS is never dropped.
   */
  private void discover(boolean dataOnly, String scheme) {
    Map<String, NodeInfo> infos = retrier.call("node discovery (GET _nodes/http)",
        () -> typed.nodes().info(r -> r.metric("http")).nodes());
    List<NodeAddress> found = new ArrayList<>();
    for (NodeInfo info : infos.values()) {
      boolean data = info.roles().stream().anyMatch(role -> role.jsonValue().startsWith("data"));
      if (info.http() != null && info.http().publishAddress() != null && (data || !dataOnly)) {
        found.add(NodeAddress.fromPublishAddress(info.http().publishAddress(), scheme));
      }
    }
    if (found.isEmpty()) {
      LOG.warn("node discovery found no {}node with HTTP enabled; keeping es.nodes {}", dataOnly ? "data " : "", nodes);
      return;
    }
    rest.setNodes(found.stream().map(address -> new Node(address.toHttpHost())).toList());
    nodes.clear();
    nodes.addAll(found);
    LOG.debug("discovered nodes {}", found);
  }

  @Override
  public String serverVersion() {
    return retrier.call("reading the server version (GET _nodes/_local)", () -> {
      Map<String, NodeInfo> local = typed.nodes().info(r -> r.nodeId("_local").metric("_none")).nodes();
      return local.values().iterator().next().version();
    });
  }

  @Override
  public List<NodeAddress> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public boolean indexExists(String index) {
    return retrier.call("checking index [" + index + "]", () -> typed.indices().exists(r -> r.index(index)).value());
  }

  @Override
  public void createIndex(String index, String bodyJson) {
    retrier.call("creating index [" + index + "]",
        () -> typed.indices().create(r -> r.withJson(new StringReader(bodyJson)).index(index)));
  }

  @Override
  public void deleteIndex(String index) {
    retrier.call("deleting index [" + index + "]", () -> typed.indices().delete(r -> r.index(index)));
  }

  @Override
  public void putIndexTemplate(String name, String bodyJson) {
    retrier.call("putting index template [" + name + "]",
        () -> typed.indices().putIndexTemplate(r -> r.withJson(new StringReader(bodyJson)).name(name)));
  }

  @Override
  public void updateAliases(String bodyJson) {
    retrier.call("updating aliases", () -> typed.indices().updateAliases(r -> r.withJson(new StringReader(bodyJson))));
  }

  @Override
  public void refresh(String resource) {
    retrier.call("refreshing [" + resource + "]", () -> typed.indices().refresh(r -> r.index(resource)));
  }

  @Override
  public byte[] indexDefinition(String index) {
    return getBytes("reading the definition of index [" + index + "]", ResourcePaths.path(index, ""));
  }

  @Override
  public byte[] mappings(String resource) {
    // Raw on purpose: the typed mapping model cannot carry field types it does not know, and the
    // connector must read every mapping a cluster can hold (unknown types fall back to strings).
    return getBytes("reading the mapping of [" + resource + "]", ResourcePaths.path(resource, "/_mapping"));
  }

  private byte[] getBytes(String operation, String path) {
    return retrier.call(operation, () -> {
      Response response = rest.performRequest(new Request("GET", path));
      try (InputStream in = response.getEntity().getContent()) {
        return in.readAllBytes();
      }
    });
  }

  @Override
  public List<ShardCopy> searchShards(String resource) {
    SearchShardsResponse response = retrier.call("listing the shards of [" + resource + "]",
        () -> typed.searchShards(r -> r.index(resource)));
    Map<String, SearchShardsNodeAttributes> nodesById = response.nodes();
    List<ShardCopy> copies = new ArrayList<>();
    for (List<NodeShard> group : response.shards()) {
      if (group.isEmpty()) {
        // Elasticsearch lists a shard that no node holds (unassigned) as an empty group, without its number.
        copies.add(ShardCopy.unassigned());
      }
      for (NodeShard copy : group) {
        boolean started = copy.state() == ShardRoutingState.Started && copy.node() != null;
        SearchShardsNodeAttributes node = copy.node() == null ? null : nodesById.get(copy.node());
        String host = node == null ? "" : hostOf(node.transportAddress());
        copies.add(new ShardCopy(copy.index(), copy.shard(), copy.primary(), copy.node(), host, started));
      }
    }
    return copies;
  }

  @Override
  public long count(String resource, String queryJson, Optional<Integer> shard) {
    return retrier.call("counting documents in [" + resource + "]", () -> typed.count(r -> {
      r.index(resource).query(q -> q.withJson(new StringReader(queryJson)));
      shard.ifPresent(s -> r.preference("_shards:" + s));
      return r;
    }).count());
  }

  @Override
  public String openPointInTime(String resource, Duration keepAlive, Optional<Integer> shard) {
    String target = "[" + resource + "]" + shard.map(s -> " shard " + s).orElse("");
    return retrier.call("opening a point-in-time on " + target, () -> typed.openPointInTime(r -> {
      r.index(resource).keepAlive(t -> t.time(keepAlive.toMillis() + "ms"));
      shard.ifPresent(s -> r.preference("_shards:" + s));
      return r;
    }).id());
  }

  @Override
  public void closePointInTime(String pitId) {
    try {
      retrier.call("closing a point-in-time", () -> typed.closePointInTime(r -> r.id(pitId)));
    } catch (EsRequestException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  @Override
  public <T> T search(String path, byte[] body, ResponseReader<T> reader) {
    Request request = new Request("POST", path);
    request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    return retrier.call("search " + path, () -> {
      metrics.add(Counter.SEARCH_REQUESTS, 1);
      long started = System.nanoTime();
      Response response = rest.performRequest(request);
      try (CountingInputStream in = new CountingInputStream(response.getEntity().getContent())) {
        T result = reader.read(in);
        metrics.add(Counter.BYTES_READ, in.count());
        metrics.recordLatency(Latency.SEARCH, System.nanoTime() - started);
        return result;
      }
    });
  }

  @Override
  public <T> T bulk(byte[] body, int length, ResponseReader<T> reader) {
    Request request = new Request("POST", "/_bulk");
    // An item's answer shrinks from ~200 bytes to ~25, which Elasticsearch then serialises and we parse 1,000 times a batch.
    request.addParameter("filter_path", "errors,items.*.status,items.*.error");
    request.setEntity(new ByteArrayEntity(body, 0, length, NDJSON));
    return retrier.call("bulk request", () -> {
      long started = System.nanoTime();
      Response response = rest.performRequest(request);
      try (InputStream in = response.getEntity().getContent()) {
        T result = reader.read(in);
        metrics.recordLatency(Latency.BULK, System.nanoTime() - started);
        return result;
      }
    });
  }

  @Override
  public <T> T multiGet(byte[] body, ResponseReader<T> reader) {
    Request request = new Request("POST", "/_mget");
    request.addParameter("filter_path", "docs.found,docs._source");
    request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    return retrier.call("multi-get", () -> {
      Response response = rest.performRequest(request);
      try (InputStream in = response.getEntity().getContent()) {
        return reader.read(in);
      }
    });
  }

  @Override
  public ConnectorMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      throw new SearchbridgeException("closing the Elasticsearch client failed", e);
    }
  }

  private static String hostOf(String transportAddress) {
    if (transportAddress == null) {
      return "";
    }
    return NodeAddress.fromPublishAddress(transportAddress, "http").host();
  }

}
