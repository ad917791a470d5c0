package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.write.BulkWriteException;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bulk request that Elasticsearch applied, whose answer a loopback proxy then drops: the client
 * re-sends it. What that replay leaves behind depends on the ids, and each case here is the
 * guarantee the README states. Also failures of the target, which no error handler may swallow.
 */
@ExtendWith(ElasticsearchExtension.class)
class LostBulkAnswersIT {

  private static final int DOCUMENTS = 300;
  private static final int BATCH = 100;

  @Test
  void aCreateReSentAfterItsAnswerWasLostFindsItsOwnDocumentsAndSucceeds(ElasticsearchServer server) {
    String index = server.uniqueIndex("lost-create");
    Counts counts = writeThroughADroppedAnswer(server, index, true, "es.write.operation", "create");
    assertThat(counts.stored()).isEqualTo(DOCUMENTS);
  }

  @Test
  void contentIdsKeepAReSentBulkFromAddingCopies(ElasticsearchServer server) {
    String index = server.uniqueIndex("lost-content-ids");
    Counts counts = writeThroughADroppedAnswer(server, index, false, "es.mapping.id.generate", "content");
    assertThat(counts.stored()).isEqualTo(DOCUMENTS);
  }

  @Test
  void contentIdsWithCreateSurviveTheReplayToo(ElasticsearchServer server) {
    String index = server.uniqueIndex("lost-content-create");
    Counts counts = writeThroughADroppedAnswer(server, index, false, "es.mapping.id.generate", "content",
        "es.write.operation", "create");
    assertThat(counts.stored()).isEqualTo(DOCUMENTS);
  }

  /** The at-least-once case the README warns about: without ids the replayed batch is there twice. */
  @Test
  void withoutIdsAReSentBulkAddsCopiesOfItsDocuments(ElasticsearchServer server) {
    String index = server.uniqueIndex("lost-no-ids");
    Counts counts = writeThroughADroppedAnswer(server, index, false);
    assertThat(counts.stored()).isEqualTo(DOCUMENTS + BATCH);
  }

  @ParameterizedTest
  @CsvSource({"closed, 400 index_closed_exception", "write-blocked, 403 cluster_block_exception"})
  void noErrorHandlerSwallowsAFailureOfTheTarget(String state, String answer, ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex(state + "-target");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    if (state.equals("closed")) {
      rest.post("/" + index + "/_close", null);
    } else {
      rest.put("/" + index + "/_settings", "{\"index.blocks.write\":true}");
    }
    Settings settings = Settings.of(Map.of("es.nodes", server.url(), "es.write.rest.error.handlers", "log,drop"));
    try (EsClient client = ElasticsearchJavaClient.open(settings, "it")) {
      BulkWriter writer = new BulkWriter(client, settings, "task 1");
      writer.add(index, DocumentMetadata.withId("a"), json(1));
      assertThatThrownBy(writer::flush).isInstanceOf(BulkWriteException.class)
          .hasMessageContaining("index [" + index + "] id [a]: HTTP " + answer)
          .hasMessageContaining("error handlers never take failures of the target");
      writer.close();
      assertThat(client.metrics().get(Counter.DOCS_DROPPED)).isZero();
      assertThat(client.metrics().get(Counter.DOCS_HANDLED)).isZero();
    }
  }

  private record Counts(long stored) {}

  /**
   * Writes {@link #DOCUMENTS} documents in batches of {@link #BATCH} through a proxy that drops the
   * answer to the second bulk request, and checks that the fault happened: one answer dropped, one
   * request retried, the whole write acknowledged.
   */
  private static Counts writeThroughADroppedAnswer(ElasticsearchServer server, String index, boolean withIds,
      String... keyValues) {
    RestCalls rest = new RestCalls(server);
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", server.host(), server.port())) {
      Map<String, String> map = new HashMap<>(Map.of("es.nodes", proxy.host() + ":" + proxy.port(),
          "es.nodes.discovery", "false", "es.http.retry.wait", "50ms", "es.batch.size.entries", String.valueOf(BATCH)));
      for (int i = 0; i < keyValues.length; i += 2) {
        map.put(keyValues[i], keyValues[i + 1]);
      }
      Settings settings = Settings.of(map);
      try (EsClient client = ElasticsearchJavaClient.open(settings, "it")) {
        try (BulkWriter writer = new BulkWriter(client, settings, "task 1")) {
          for (int n = 0; n < DOCUMENTS; n++) {
            if (n == BATCH) {
              proxy.dropAnswerTo("POST /_bulk", 1);
            }
            writer.add(index, withIds ? DocumentMetadata.withId("id-" + n) : DocumentMetadata.none(), json(n));
          }
          writer.flush();
        }
        assertThat(proxy.answersDropped()).as("bulk answers the proxy dropped").isEqualTo(1);
        assertThat(client.metrics().get(Counter.REQUEST_RETRIES)).as("requests re-sent").isEqualTo(1);
        assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(DOCUMENTS);
      }
    }
    return new Counts(rest.count(index));
  }

  private static byte[] json(int n) {
    return ("{\"n\":" + n + ",\"name\":\"doc-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
