package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.FaultServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.it.support.SqlMetricsRecorder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A 429 storm: the node has two write threads and a write queue of one slot, the index two shards,
 * so one bulk request fits (one to coordinate, one per shard) but those of the two concurrent tasks
 * need six and are rejected, whole (429 from the coordinating step, retried as requests) or item by
 * item (429 from a shard, re-sent by the writer).
 */
class OverloadIT {

  private static final int DOCUMENTS = 20_000;

  @Test
  void everyDocumentLandsThroughA429StormAndTheRetriesAreCounted() throws InterruptedException {
    ElasticsearchServer server = FaultServer.get();
    RestCalls rest = new RestCalls(server);
    SparkSession spark = SharedSpark.session();
    String index = server.uniqueIndex("storm");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0}}");

    try (SqlMetricsRecorder metrics = SqlMetricsRecorder.register(spark)) {
      spark.range(0, DOCUMENTS, 1, 4).selectExpr("id", "id % 7 AS bucket").write().format("searchbridge")
          .option("es.nodes", server.url()).option("es.mapping.id", "id").option("es.batch.size.entries", "500")
          .option("es.batch.write.retry.count", "30").option("es.batch.write.retry.wait", "20ms")
          .mode("append").save(index);
      assertThat(metrics.await("esDocsRetried")).as("documents re-sent after 429").isPositive();
      assertThat(metrics.await("esDocsWritten")).isEqualTo(DOCUMENTS);
      assertThat(metrics.await("esDocsFailed")).isZero();
    }
    assertThat(rest.count(index)).isEqualTo(DOCUMENTS);
  }
}
