package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.it.support.Await;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.FaultServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.it.support.SqlMetricsRecorder;
import io.searchbridge.it.support.TcpProxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskEndReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The node is killed (SIGKILL) in the middle of two writes, while a bulk request is in flight, and
 * started again on the same port and data. Both jobs run at once (one task each, on the two local
 * cores), so one outage serves both: with {@code es.mapping.id} the index ends with exactly the
 * 200,000 source documents; without ids every one of 50,000 source documents is there at least once
 * (fewer, to keep the test short on two cores). The jobs reach the node through a proxy that sees
 * which requests the kill left without an answer.
 */
class ServerRestartIT {

  private static final int DOCUMENTS = 200_000;
  private static final int DOCUMENTS_WITHOUT_IDS = 50_000;
  /** Documents that must have landed in each index before the node is killed. */
  private static final int STOP_AFTER = 10_000;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // two writes and an outage of over a minute on two loaded cores
  void aWriteRidesOutAServerRestartWithoutLosingDocuments() throws Exception {
    ElasticsearchServer server = FaultServer.get();
    RestCalls rest = new RestCalls(server);
    SparkSession spark = SharedSpark.session();
    String withIds = server.uniqueIndex("restart-ids");
    String withoutIds = server.uniqueIndex("restart-noids");
    for (String index : new String[] {withIds, withoutIds}) {
      rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
          + "\"mappings\":{\"properties\":{\"id\":{\"type\":\"long\"},\"name\":{\"type\":\"keyword\"}}}}");
    }
    Dataset<Row> source = documents(spark, DOCUMENTS);
    Dataset<Row> smaller = documents(spark, DOCUMENTS_WITHOUT_IDS);
    FailedTasks failedTasks = new FailedTasks();
    spark.sparkContext().addSparkListener(failedTasks);
    try (SqlMetricsRecorder metrics = SqlMetricsRecorder.register(spark);
        TcpProxy proxy = TcpProxy.start("127.0.0.1", server.host(), server.port())) {
      String nodes = proxy.host() + ":" + proxy.port();
      CompletableFuture<Void> idJob = CompletableFuture.runAsync(() -> write(source, nodes, withIds, "es.mapping.id", "id"));
      CompletableFuture<Void> plainJob = CompletableFuture.runAsync(() -> write(smaller, nodes, withoutIds));

      for (String index : new String[] {withIds, withoutIds}) {
        Await.until(STOP_AFTER + " documents in " + index, Duration.ofMinutes(2),
            () -> rest.get("/" + index + "/_count").path("count").asLong() >= STOP_AFTER);
      }
      long landedAtStop = rest.count(withIds);
      assertThat(idJob).as("the job with ids must still be writing when the node is killed").isNotDone();
      assertThat(plainJob).as("the job without ids must still be writing when the node is killed").isNotDone();
      Await.until("a bulk request in flight", Duration.ofSeconds(30), () -> proxy.requestsAwaitingAnswer() > 0);
      server.kill();
      Await.until("the proxy to see the kill", Duration.ofSeconds(10), () -> proxy.requestsAwaitingAnswer() == 0);
      int unanswered = proxy.requestsLeftUnanswered();
      server.resume();

      idJob.get(5, TimeUnit.MINUTES);
      plainJob.get(5, TimeUnit.MINUTES);
      System.out.printf("ServerRestartIT: %d documents had landed when the node was killed, %d request(s) left"
          + " unanswered by the kill; metrics %s; failed task attempts %d%n", landedAtStop, unanswered, metrics.values(),
          failedTasks.count.get());
      assertThat(unanswered).as("bulk requests in flight when the node was killed").isPositive();
      assertThat(metrics.await("esRequestRetries")).as("requests retried across the outage").isPositive();
      assertThat(metrics.await("esNodeFailures")).as("requests the dead node failed to answer").isPositive();
    } finally {
      spark.sparkContext().removeSparkListener(failedTasks);
    }

    assertThat(rest.count(withIds)).isEqualTo(DOCUMENTS);
    assertThat(rest.count(withoutIds)).isGreaterThanOrEqualTo(DOCUMENTS_WITHOUT_IDS);
    Dataset<Row> read = spark.read().format("searchbridge").option("es.nodes", server.url()).load(withoutIds);
    Row ids = read.selectExpr("count(DISTINCT id)", "min(id)", "max(id)").first();
    assertThat(ids.getLong(0)).as("distinct source documents present without ids").isEqualTo(DOCUMENTS_WITHOUT_IDS);
    assertThat(ids.getLong(1)).isZero();
    assertThat(ids.getLong(2)).isEqualTo(DOCUMENTS_WITHOUT_IDS - 1);
  }

  /** One partition, so that each job is one task and both jobs run at once on the two local cores. */
  private static Dataset<Row> documents(SparkSession spark, int count) {
    return spark.range(0, count, 1, 1).selectExpr("id", "concat('doc-', id) AS name");
  }

  private static void write(Dataset<Row> source, String nodes, String index, String... options) {
    // Request retries with a growing wait span the outage (about 30 s here): 1+2+4+...+60 s. Discovery
    // would replace the proxy by the node's own address.
    var writer = source.write().format("searchbridge").mode("append").options(Map.of("es.nodes", nodes,
        "es.nodes.discovery", "false", "es.http.retries", "8", "es.http.retry.wait", "1s",
        "es.batch.write.retry.count", "20", "es.batch.write.retry.wait", "100ms"));
    for (int i = 0; i < options.length; i += 2) {
      writer = writer.option(options[i], options[i + 1]);
    }
    writer.save(index);
  }

  /** Counts task attempts that failed, i.e. the ones Spark re-ran. */
  private static final class FailedTasks extends SparkListener {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TaskEndReason reason = end.reason();
      if (!(reason instanceof org.apache.spark.Success$)) {
        count.incrementAndGet();
      }
    }
  }
}
