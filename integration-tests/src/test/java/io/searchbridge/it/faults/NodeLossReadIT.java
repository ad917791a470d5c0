package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SearchCursor;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.it.support.ClusterServer;
import io.searchbridge.it.support.ElasticsearchCluster;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data node is SIGKILLed while a read pages through an index with a replica of every shard, after
 * the first pages and while many remain. The read must never come back short: it either returns
 * every document exactly once (from the replicas) or fails naming the shard and the node it lost.
 */
class NodeLossReadIT {

  private static final int DOCUMENTS = 20_000;
  private static final int PAGE = 100;
  /** Rows read before the kill: three pages, so that well over a hundred pages remain. */
  private static final int KILL_AFTER = 3 * PAGE;

  /** Rows the Spark tasks have seen and the node they killed; tasks run in this JVM (local mode). */
  private static final AtomicLong ROWS_SEEN = new AtomicLong();
  private static final AtomicReference<Killed> KILLED_BY_TASK = new AtomicReference<>();

  /** The node a test killed, by the id Elasticsearch's failures use and by name. */
  private record Killed(String id, String name) {}

  private final ElasticsearchCluster cluster = ClusterServer.get();

  @AfterEach
  void bringTheNodeBack() {
    cluster.restoreKilledNodes();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pit", "shard"})
  void aCoreReadLosingANodeReturnsEveryDocumentOrNamesShardAndNode(String strategy) {
    String index = indexWithReplicas("lost-read-" + strategy);
    Settings settings = Settings.of(Map.of("es.nodes", cluster.nodesSetting(), "es.scroll.size", Integer.toString(PAGE),
        "es.read.partition.strategy", strategy));
    List<Long> read = new ArrayList<>();
    Killed killed = null;
    long requestsAtKill = 0;
    SearchbridgeException failure = null;
    try (EsClient client = ElasticsearchJavaClient.open(settings, "node-loss-read")) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        for (PartitionSpec partition : plan.partitions()) {
          try (SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, index, plan.query(), partition,
              RawHit.DECODER)) {
            while (cursor.hasNext()) {
              read.add(Long.parseLong(cursor.next().metadata().id()));
              if (read.size() == KILL_AFTER) {
                killed = killANodeServing(index);
                requestsAtKill = client.metrics().get(Counter.SEARCH_REQUESTS);
              }
            }
          }
        }
      } catch (SearchbridgeException e) {
        failure = e;
      } finally {
        releaseQuietly(planner, plan);
      }
      assertThat(killed).as("a node was killed in the middle of the read").isNotNull();
      assertThat(client.metrics().get(Counter.SEARCH_REQUESTS)).as("pages asked for after the kill")
          .isGreaterThan(requestsAtKill);
    }
    assertCompleteOrNamed(strategy + " read", read, failure, killed);
  }

  @Test
  void aSparkReadLosingANodeReturnsEveryDocumentOrNamesShardAndNode() {
    String index = indexWithReplicas("lost-spark-read");
    ROWS_SEEN.set(0);
    KILLED_BY_TASK.set(null);
    List<Long> read = new ArrayList<>();
    Exception failure = null;
    try {
      read = SharedSpark.session().read().format("searchbridge").option("es.nodes", cluster.nodesSetting())
          .option("es.scroll.size", Integer.toString(PAGE)).load(index).select("n").as(Encoders.LONG())
          .map((MapFunction<Long, Long>) n -> {
            if (ROWS_SEEN.incrementAndGet() == KILL_AFTER) {
              KILLED_BY_TASK.set(killANodeServing(index));
            }
            return n;
          }, Encoders.LONG()).collectAsList();
    } catch (Exception e) { // Spark throws its checked SparkException undeclared
      failure = e;
    }
    assertThat(KILLED_BY_TASK.get()).as("a task killed a node in the middle of the read").isNotNull();
    assertThat(ROWS_SEEN.get()).as("rows the tasks read, including re-run attempts").isGreaterThan(KILL_AFTER);
    assertCompleteOrNamed("Spark read", read, failure, KILLED_BY_TASK.get());
  }

  /**
   * A complete read has every document exactly once; a failed one names a shard and the lost node.
   * Elasticsearch names the node only until it has left the cluster state: after that a point-in-time
   * page fails with a bare no_shard_available_action_exception, for which the message says that the
   * node left instead.
   */
  private static void assertCompleteOrNamed(String what, List<Long> read, Exception failure, Killed killed) {
    if (failure == null) {
      System.out.printf("NodeLossReadIT: %s completed with %d documents after %s was killed%n", what, read.size(),
          killed);
      assertThat(read).as("documents of a read that lost a node and did not fail").hasSize(DOCUMENTS)
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, DOCUMENTS).boxed().toList());
    } else {
      String messages = rootMessage(failure);
      System.out.printf("NodeLossReadIT: %s failed after %s was killed, having read %d documents:%n%s", what, killed,
          read.size(), messages);
      assertThat(messages).as("the failure of a read that lost " + killed).containsPattern("shard \\d+")
          .containsAnyOf(killed.id(), killed.name(), "its node left the cluster");
    }
  }

  private static String rootMessage(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /** Kills a node that holds a search context of the read, so that the read loses it. */
  private static Killed killANodeServing(String index) {
    ElasticsearchCluster cluster = ClusterServer.get();
    List<String> serving = cluster.nodesWithSearchContexts(index);
    assertThat(serving).as("nodes holding a search context of " + index).isNotEmpty();
    ElasticsearchServer node = cluster.nodeWithId(serving.get(0));
    node.kill();
    return new Killed(serving.get(0), node.name());
  }

  private String indexWithReplicas(String prefix) {
    ElasticsearchServer entry = cluster.entry();
    String index = entry.uniqueIndex(prefix);
    cluster.rest().put("/" + index, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":1},"
        + "\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
    Settings settings = Settings.of(Map.of("es.nodes", cluster.nodesSetting()));
    try (EsClient client = ElasticsearchJavaClient.open(settings, "node-loss-setup");
        BulkWriter writer = new BulkWriter(client, settings, "node-loss-setup")) {
      for (int i = 0; i < DOCUMENTS; i++) {
        writer.add(index, DocumentMetadata.withId(Integer.toString(i)),
            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
      }
      writer.flush();
      client.refresh(index);
    }
    cluster.awaitGreen(Duration.ofMinutes(1));
    return index;
  }

  private static void releaseQuietly(PartitionPlanner planner, ReadPlan plan) {
    try {
      planner.release(plan);
    } catch (RuntimeException e) {
      // A point-in-time on a lost node may not close; it expires with es.scroll.keepalive.
      System.out.println("NodeLossReadIT: releasing the plan failed: " + e.getMessage());
    }
  }
}
