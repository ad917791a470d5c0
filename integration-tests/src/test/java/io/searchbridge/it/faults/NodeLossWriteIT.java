package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.it.support.Await;
import io.searchbridge.it.support.ClusterServer;
import io.searchbridge.it.support.ElasticsearchCluster;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.it.support.SqlMetricsRecorder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node holding primaries is SIGKILLed while a job writes to an index with a replica of every
 * shard: the replicas are promoted, the requests the dead node cannot answer go to the others, and
 * with {@code es.mapping.id} every document lands exactly once.
 */
class NodeLossWriteIT {

  private static final int DOCUMENTS = 60_000;
  private static final int KILL_AFTER = 10_000;

  private final ElasticsearchCluster cluster = ClusterServer.get();

  @AfterEach
  void bringTheNodeBack() {
    cluster.restoreKilledNodes();
  }

  @Test
  void everyDocumentLandsExactlyOnceWhenANodeDiesDuringAWrite() throws Exception {
    ElasticsearchServer entry = cluster.entry();
    String index = entry.uniqueIndex("lost-write");
    cluster.rest().put("/" + index, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":1},"
        + "\"mappings\":{\"properties\":{\"id\":{\"type\":\"long\"}}}}");
    cluster.awaitGreen(Duration.ofMinutes(1));
    SparkSession spark = SharedSpark.session();
    try (SqlMetricsRecorder metrics = SqlMetricsRecorder.register(spark)) {
      CompletableFuture<Void> job = CompletableFuture.runAsync(() -> spark.range(0, DOCUMENTS, 1, 2)
          .selectExpr("id", "concat('doc-', id) AS name").write().format("searchbridge").mode("append")
          .option("es.nodes", cluster.nodesSetting()).option("es.mapping.id", "id")
          .option("es.batch.size.entries", "500").option("es.http.retries", "8").option("es.http.retry.wait", "1s")
          // A cap of 4,000 documents a second per task keeps the write going for seconds after the kill,
          // however fast the machine: the kill must land while requests still go to every node.
          .option("es.batch.write.rate", "4000")
          .save(index));
      Await.until(KILL_AFTER + " documents in " + index, Duration.ofMinutes(2),
          () -> cluster.rest().get("/" + index + "/_count").path("count").asLong() >= KILL_AFTER);
      assertThat(job).as("the job must still be writing when the node is killed").isNotDone();
      String killed = nodeWithAPrimary(index);
      cluster.nodes().stream().filter(node -> node.name().equals(killed)).findFirst().orElseThrow().kill();

      job.get(5, TimeUnit.MINUTES);
      System.out.printf("NodeLossWriteIT: killed %s during the write; metrics %s%n", killed, metrics.values());
      assertThat(metrics.await("esNodeFailures")).as("requests the dead node failed to answer").isPositive();
      assertThat(metrics.await("esDocsFailed")).isZero();
    }
    assertThat(cluster.rest().count(index)).as("documents in the index").isEqualTo(DOCUMENTS);
    Row ids = spark.read().format("searchbridge").option("es.nodes", cluster.nodesSetting()).load(index)
        .selectExpr("count(DISTINCT id)", "min(id)", "max(id)").first();
    assertThat(ids.getLong(0)).as("distinct source documents").isEqualTo(DOCUMENTS);
    assertThat(ids.getLong(1)).isZero();
    assertThat(ids.getLong(2)).isEqualTo(DOCUMENTS - 1);
  }

  /** The name of a node holding a primary of {@code index}: losing it makes the cluster promote a replica. */
  private String nodeWithAPrimary(String index) {
    for (JsonNode copy : cluster.rest().get("/_cat/shards/" + index + "?format=json&h=prirep,node")) {
      if (copy.path("prirep").asText().equals("p")) {
        return copy.path("node").asText();
      }
    }
    throw new IllegalStateException("no primary of " + index + " is assigned");
  }
}
