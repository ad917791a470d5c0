package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SparkIntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Reads whose tasks die in the middle: cancelled with their job group, or failing on a row. The
 * server must hold no search context of the index afterwards, whatever opened it (the driver's
 * point-in-time or a shard task's own).
 */
class TaskKillIT extends SparkIntegrationTest {

  /** Rows the running tasks have seen; tasks run in this JVM (local mode). */
  private static final AtomicLong ROWS_SEEN = new AtomicLong();
  private static final AtomicLong CONTEXTS_WHILE_READING = new AtomicLong(-1);
  private static final int DOCUMENTS = 2000;
  /** For the tasks, which cannot capture the (not serializable) instance field. */
  private static volatile RestCalls tasksRest;

  private String indexWithDocuments() {
    String index = server.uniqueIndex("killed");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0}}");
    spark.range(0, DOCUMENTS, 1, 2).selectExpr("id").write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").mode("append").save(index);
    return index;
  }

  private Dataset<Row> slowPages(String index, String strategy) {
    return spark.read().format("searchbridge").option("es.nodes", server.url()).option("es.scroll.size", "50")
        .option("es.read.partition.strategy", strategy).load(index);
  }

  @Test
  void cancellingTheJobReleasesThePointInTime() throws Exception {
    String index = indexWithDocuments();
    ROWS_SEEN.set(0);
    Dataset<Row> rows = slowPages(index, "pit");
    String group = "kill-" + index;
    CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
      spark.sparkContext().setJobGroup(group, "read to be cancelled", true);
      try {
        rows.foreach((ForeachFunction<Row>) row -> {
          ROWS_SEEN.incrementAndGet();
          Thread.sleep(2);
        });
      } finally {
        spark.sparkContext().clearJobGroup();
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (ROWS_SEEN.get() < 100 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(rest.openSearchContexts(index)).as("contexts while the read runs").isPositive();
    spark.sparkContext().cancelJobGroup(group);
    assertThatThrownBy(() -> job.get(60, TimeUnit.SECONDS)).hasStackTraceContaining("cancelled");
    assertThat(ROWS_SEEN.get()).isLessThan(DOCUMENTS);
    awaitNoContexts(rest, index);
  }

  @Test
  void aShardTaskThatFailsMidReadReleasesItsPointInTime() throws Exception {
    String index = indexWithDocuments();
    ROWS_SEEN.set(0);
    CONTEXTS_WHILE_READING.set(-1);
    tasksRest = rest;
    assertThatThrownBy(() -> slowPages(index, "shard").foreach((ForeachFunction<Row>) row -> {
      // every attempt fails (Spark retries a task up to 4 times), the first one after 120 rows
      if (ROWS_SEEN.incrementAndGet() >= 120) {
        CONTEXTS_WHILE_READING.compareAndSet(-1, tasksRest.openSearchContexts(index));
        throw new IllegalStateException("task killed on purpose after 120 rows");
      }
    })).hasStackTraceContaining("task killed on purpose");
    assertThat(CONTEXTS_WHILE_READING.get()).as("point-in-times open while the task ran").isPositive();
    awaitNoContexts(rest, index);
  }

  private static void awaitNoContexts(RestCalls rest, String index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (rest.openSearchContexts(index) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(rest.openSearchContexts(index)).as("search contexts left open on " + index).isZero();
  }
}
