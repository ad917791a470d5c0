package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static io.searchbridge.it.core.CoreFixtures.json;
import static io.searchbridge.it.core.CoreFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.write.BulkWriteException;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class BulkWriterIT {

  @Test
  void rejectedDocumentsAreRetriedUntilTheClusterAcceptsThem(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("rejected");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    // This block is what a full disk puts on an index: Elasticsearch answers writes with 429 until it is lifted.
    rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
    Settings settings = settings(server, "es.batch.write.retry.count", "20", "es.batch.write.retry.wait", "100ms",
        "es.batch.size.entries", "500");
    try (EsClient client = client(settings)) {
      CompletableFuture<Void> write = CompletableFuture.runAsync(() -> CoreFixtures.writeNumbered(client, settings, index, 2000));
      awaitRetries(client);
      assertThat(write).isNotDone();
      rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
      write.get(60, TimeUnit.SECONDS);
      assertThat(client.metrics().get(Counter.DOCS_REJECTED)).isGreaterThanOrEqualTo(500);
      assertThat(client.metrics().get(Counter.DOCS_RETRIED)).isGreaterThanOrEqualTo(500);
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(2000);
      assertThat(client.metrics().get(Counter.DOCS_FAILED)).isZero();
    }
    assertThat(rest.count(index)).isEqualTo(2000);
  }

  @Test
  void persistentRejectionFailsAfterTheConfiguredRetries(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("blocked");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
    Settings settings = settings(server, "es.batch.write.retry.count", "2", "es.batch.write.retry.wait", "10ms");
    try (EsClient client = client(settings); BulkWriter writer = new BulkWriter(client, settings, "task 3")) {
      writer.add(index, DocumentMetadata.withId("a"), json("{\"x\":1}"));
      assertThatThrownBy(writer::flush)
          .isInstanceOf(BulkWriteException.class)
          .hasMessageContaining("task 3: 1 document(s) still rejected")
          .hasMessageContaining("after 2 retries")
          .hasMessageContaining("es.batch.write.retry.count");
      assertThat(client.metrics().get(Counter.DOCS_RETRIED)).isEqualTo(2);
    } finally {
      rest.put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
    }
  }

  @Test
  void mappingConflictNamesIndexDocumentFieldAndReason(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("strict");
    rest.put("/" + index, "{\"mappings\":{\"properties\":{\"age\":{\"type\":\"integer\"}}}}");
    Settings settings = settings(server);
    try (EsClient client = client(settings)) {
      BulkWriter writer = new BulkWriter(client, settings, "task 1");
      writer.add(index, DocumentMetadata.withId("ok-1"), json("{\"age\":41}"));
      writer.add(index, DocumentMetadata.withId("bad-7"), json("{\"age\":\"forty\"}"));
      writer.add(index, DocumentMetadata.withId("ok-2"), json("{\"age\":42}"));
      assertThatThrownBy(writer::flush)
          .isInstanceOf(BulkWriteException.class)
          .hasMessageContaining("1 of 3 document(s)")
          .hasMessageContaining("document [bad-7]")
          .hasMessageContaining("index [" + index + "]")
          .hasMessageContaining("HTTP 400")
          .hasMessageContaining("failed to parse field [age] of type [integer]");
      assertThat(client.metrics().get(Counter.DOCS_FAILED)).isEqualTo(1);
    }
    // the valid documents of the batch were written; only the bad one is reported
    assertThat(rest.count(index)).isEqualTo(2);
  }

  @Test
  void batchesReachElasticsearchInTheOrderTheyWereAdded(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("ordered");
    // Ten documents a batch: a hundred batches, each sent while the next one fills.
    Settings settings = settings(server, "es.batch.size.entries", "10");
    try (EsClient client = client(settings); BulkWriter writer = new BulkWriter(client, settings, "task 5")) {
      for (int version = 1; version <= 1000; version++) {
        writer.add(index, DocumentMetadata.withId("same"), json("{\"version\":" + version + "}"));
      }
      // What Spark reads just before the commit: the batch in flight counts, as the commit waits for it.
      assertThat(writer.writtenOrPending(Counter.DOCS_WRITTEN)).isEqualTo(1000);
      assertThat(writer.writtenOrPending(Counter.BULK_REQUESTS)).isEqualTo(100);
      writer.flush();
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(1000);
      assertThat(client.metrics().get(Counter.BULK_REQUESTS)).isEqualTo(100);
      assertThat(writer.writtenOrPending(Counter.BYTES_WRITTEN)).isEqualTo(client.metrics().get(Counter.BYTES_WRITTEN));
    }
    assertThat(rest.get("/" + index + "/_doc/same").path("_source").path("version").asInt()).isEqualTo(1000);
    assertThat(rest.get("/" + index + "/_doc/same").path("_version").asInt()).isEqualTo(1000);
  }

  @Test
  void aBatchThatFailsInFlightFailsTheNextCallAndNothingAfterItIsSent(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("inflight");
    rest.put("/" + index, "{\"mappings\":{\"properties\":{\"age\":{\"type\":\"integer\"}}}}");
    Settings settings = settings(server, "es.batch.size.entries", "1");
    // close() comes after the failure, as in a try-with-resources: it must not send the document buffered after it.
    try (EsClient client = client(settings); BulkWriter writer = new BulkWriter(client, settings, "task 6")) {
      writer.add(index, DocumentMetadata.withId("ok-1"), json("{\"age\":41}"));
      writer.add(index, DocumentMetadata.withId("bad-2"), json("{\"age\":\"forty\"}"));
      assertThatThrownBy(() -> writer.add(index, DocumentMetadata.withId("ok-3"), json("{\"age\":43}")))
          .isInstanceOf(BulkWriteException.class)
          .hasMessageContaining("document [bad-2]")
          .hasMessageContaining("index [" + index + "]")
          .hasMessageContaining("failed to parse field [age] of type [integer]");
      assertThatThrownBy(writer::flush).hasMessageContaining("sends nothing more after a failed bulk request");
    }
    rest.post("/" + index + "/_refresh", null);
    assertThat(rest.count(index)).isEqualTo(1);
  }

  @Test
  void gzipCompressedRequestsWriteAndRead(ElasticsearchServer server) {
    Settings settings = settings(server, "es.http.compression", "true");
    String index = server.uniqueIndex("gzip");
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 3000);
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        assertThat(CoreFixtures.readAll(client, settings, plan)).hasSize(3000);
      } finally {
        planner.release(plan);
      }
    }
    assertThat(new RestCalls(server).count(index)).isEqualTo(3000);
  }

  @Test
  void documentsGoThroughTheIngestPipeline(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    // This distribution has no ingest processors. An empty pipeline does not count documents, but it
    // does count the bytes that entered it, which shows the pipeline was applied.
    String pipeline = server.uniqueIndex("pipeline");
    rest.put("/_ingest/pipeline/" + pipeline, "{\"processors\":[]}");
    assertThat(bytesIngested(rest, pipeline)).isZero();
    String index = server.uniqueIndex("ingested");
    Settings settings = settings(server, "es.ingest.pipeline", pipeline);
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 25);
    }
    assertThat(bytesIngested(rest, pipeline)).isPositive();
    assertThat(rest.count(index)).isEqualTo(25);
  }

  private static long bytesIngested(RestCalls rest, String pipeline) {
    long bytes = 0;
    for (var node : rest.get("/_nodes/stats/ingest").path("nodes")) {
      bytes += node.path("ingest").path("pipelines").path(pipeline).path("ingested_as_first_pipeline_in_bytes").asLong();
    }
    return bytes;
  }

  @Test
  void writesWithoutAutoCreateNeedAnExistingIndex(ElasticsearchServer server) {
    Settings settings = settings(server, "es.index.auto.create", "false");
    String index = server.uniqueIndex("absent");
    try (EsClient client = client(settings); BulkWriter writer = new BulkWriter(client, settings, "t")) {
      assertThatThrownBy(() -> writer.add(index, DocumentMetadata.none(), json("{}")))
          .isInstanceOf(SearchbridgeException.class)
          .hasMessageContaining("index [" + index + "] does not exist and es.index.auto.create is false");
    }
  }

  @Test
  void everyOperationReachesTheIndex(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("operations");
    write(server, index, "index", "{\"a\":1,\"b\":1}");
    write(server, index, "update", "{\"b\":2}");
    assertThat(rest.get("/" + index + "/_doc/d").path("_source").toString()).isEqualTo("{\"a\":1,\"b\":2}");
    write(server, index, "upsert", "{\"c\":3}");
    assertThat(rest.get("/" + index + "/_doc/d").path("_source").path("c").asInt()).isEqualTo(3);
    assertThatThrownBy(() -> write(server, index, "create", "{\"a\":9}"))
        .isInstanceOf(BulkWriteException.class).hasMessageContaining("version_conflict_engine_exception");
    write(server, index, "delete", "{}");
    assertThat(rest.count(index)).isZero();
    write(server, index, "upsert", "{\"fresh\":true}");
    assertThat(rest.count(index)).isEqualTo(1);
  }

  private static void write(ElasticsearchServer server, String index, String operation, String document) {
    Settings settings = settings(server, "es.write.operation", operation);
    try (EsClient client = client(settings); BulkWriter writer = new BulkWriter(client, settings, operation)) {
      writer.add(index, DocumentMetadata.withId("d"), json(document));
      writer.flush();
    }
    new RestCalls(server).post("/" + index + "/_refresh", null);
  }

  private static void awaitRetries(EsClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.metrics().get(Counter.DOCS_RETRIED) < 500 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
