package io.searchbridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cluster of nodes started together by {@code scripts/es.sh start --nodes N}, for faults that need
 * replicas: a node can be killed (SIGKILL) and resumed while the others keep serving. The cluster is
 * stopped, every node of it, when the JVM exits.
 */
public final class ElasticsearchCluster {

  private final ElasticsearchServer entry;
  private final List<ElasticsearchServer> nodes;

  private ElasticsearchCluster(ElasticsearchServer entry, List<ElasticsearchServer> nodes) {
    this.entry = entry;
    this.nodes = nodes;
  }

  public static ElasticsearchCluster start(String name, int nodes, String... extraArgs) {
    String[] args = new String[extraArgs.length + 2];
    args[0] = "--nodes";
    args[1] = Integer.toString(nodes);
    System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
    ElasticsearchServer entry = ElasticsearchServer.start(name, args);
    Path members = ElasticsearchServer.root().resolve("target/es").resolve(name).resolve("members");
    try {
      return new ElasticsearchCluster(entry,
          Files.readAllLines(members).stream().map(String::strip).map(ElasticsearchServer::member).toList());
    } catch (IOException e) {
      throw new IllegalStateException("cluster '" + name + "' has no member list " + members, e);
    }
  }

  /** The first node: for set-up calls and index names. */
  public ElasticsearchServer entry() {
    return entry;
  }

  public List<ElasticsearchServer> nodes() {
    return nodes;
  }

  /** Every node's URL, comma-separated, as {@code es.nodes} takes them: a client must not depend on one node. */
  public String nodesSetting() {
    return nodes.stream().map(ElasticsearchServer::url).collect(Collectors.joining(","));
  }

  /** The node Elasticsearch knows by this id (as shard failures and shard stats name nodes). */
  public ElasticsearchServer nodeWithId(String nodeId) {
    String name = rest().get("/_nodes/" + nodeId + "/none").path("nodes").path(nodeId).path("name").asText();
    return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no node of this cluster has id " + nodeId));
  }

  /** Node ids of the shard copies that hold an open search context (scroll or point-in-time) of {@code index}. */
  public List<String> nodesWithSearchContexts(String index) {
    JsonNode shards = rest().get("/" + index + "/_stats/search?level=shards").path("indices").path(index).path("shards");
    return shards.findParents("routing").stream()
        .filter(copy -> copy.path("search").path("open_contexts").asLong() > 0)
        .map(copy -> copy.path("routing").path("node").asText()).distinct().toList();
  }

  /** Resumes every killed node and waits for green, so that the next test has the whole cluster again. */
  public void restoreKilledNodes() {
    for (ElasticsearchServer node : nodes) {
      if (!node.isUp()) {
        node.resume();
      }
    }
    awaitGreen(Duration.ofMinutes(2));
  }

  /** Waits until every node is in the cluster and every shard copy is assigned, e.g. after a node came back. */
  public void awaitGreen(Duration timeout) {
    Await.until("cluster green with " + nodes.size() + " nodes", timeout, () -> {
      try {
        rest().get("/_cluster/health?wait_for_status=green&wait_for_nodes=" + nodes.size() + "&timeout=5s");
        return true;
      } catch (IllegalStateException timedOut) {
        // 408 while the cluster is not there yet
        return false;
      }
    });
  }

  /** Through the first node that is up: set-up and checks must work while one node is down. */
  public RestCalls rest() {
    for (ElasticsearchServer node : nodes) {
      if (node.isUp()) {
        return new RestCalls(node);
      }
    }
    throw new IllegalStateException("no node of the cluster is up");
  }
}
