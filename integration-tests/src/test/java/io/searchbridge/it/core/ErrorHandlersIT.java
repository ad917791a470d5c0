package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static io.searchbridge.it.core.CoreFixtures.json;
import static io.searchbridge.it.core.CoreFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.ErrorHandler;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerResult;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.LogCapture;
import io.searchbridge.it.support.RestCalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk failures (a mapping conflict) routed to each kind of es.write.rest.error.handlers. */
@ExtendWith(ElasticsearchExtension.class)
class ErrorHandlersIT {

  /** Replaces the bad document by a corrected one, and remembers what it was told. */
  public static final class FixAge implements ErrorHandler {
    static final List<Failure> SEEN = new ArrayList<>();
    private String age = "-1";

    @Override
    public void configure(Map<String, String> options) {
      age = options.getOrDefault("age", age);
    }

    @Override
    public HandlerResult handle(Failure failure) {
      SEEN.add(failure);
      return failure.attempt() == 0 && failure.errorType().equals("document_parsing_exception")
          ? HandlerResult.retry(json("{\"age\":" + age + ",\"was\":" + quoted(failure.documentAsString()) + "}"))
          : HandlerResult.pass();
    }

    private static String quoted(String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  @Test
  void dropSkipsTheBadDocumentAndCountsIt(ElasticsearchServer server) {
    String index = strictIndex(server, "drop");
    Settings settings = settings(server, "es.write.rest.error.handlers", "drop");
    try (EsClient client = client(settings)) {
      writeWithOneConflict(client, settings, index);
      assertThat(client.metrics().get(Counter.DOCS_DROPPED)).isEqualTo(1);
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(2);
      assertThat(client.metrics().get(Counter.DOCS_FAILED)).isZero();
    }
    assertThat(new RestCalls(server).count(index)).isEqualTo(2);
  }

  @Test
  void logSkipsTheBadDocumentAndCountsItAsHandled(ElasticsearchServer server) {
    String index = strictIndex(server, "log");
    Settings settings = settings(server, "es.write.rest.error.handlers", "log",
        "es.write.rest.error.handler.log.logger.name", "it.bulk.failures");
    try (EsClient client = client(settings)) {
      writeWithOneConflict(client, settings, index);
      assertThat(client.metrics().get(Counter.DOCS_HANDLED)).isEqualTo(1);
      assertThat(client.metrics().get(Counter.DOCS_FAILED)).isZero();
    }
    assertThat(new RestCalls(server).count(index)).isEqualTo(2);
  }

  /** es.log.documents=false: the line names the document and the error type, never a value of the document. */
  @Test
  void logLeavesTheDocumentOutWhenAsked(ElasticsearchServer server) {
    String index = strictIndex(server, "log-no-docs");
    Settings settings = settings(server, "es.write.rest.error.handlers", "log", "es.log.documents", "false");
    try (LogCapture log = LogCapture.open(); EsClient client = client(settings)) {
      writeWithOneConflict(client, settings, index);
      assertThat(client.metrics().get(Counter.DOCS_HANDLED)).isEqualTo(1);
      assertThat(log.text()).contains("document [bad-7]", "document_parsing_exception", "es.log.documents=false")
          .doesNotContain("forty");
    }
  }

  @Test
  void esStoresTheDocumentItsErrorAndTaskInTheDeadLetterIndex(ElasticsearchServer server) {
    RestCalls rest = new RestCalls(server);
    String index = strictIndex(server, "dlq-src");
    String deadLetters = server.uniqueIndex("dlq");
    Settings settings = settings(server, "es.write.rest.error.handlers", "es",
        "es.write.rest.error.handler.es.client.resource", deadLetters);
    try (EsClient client = client(settings)) {
      writeWithOneConflict(client, settings, index);
      assertThat(client.metrics().get(Counter.DOCS_DEAD_LETTERED)).isEqualTo(1);
    }
    assertThat(rest.count(index)).isEqualTo(2);
    rest.post("/" + deadLetters + "/_refresh", null);
    JsonNode hits = rest.get("/" + deadLetters + "/_search").path("hits").path("hits");
    assertThat(hits).hasSize(1);
    JsonNode entry = hits.get(0).path("_source");
    assertThat(entry.path("stage").asText()).isEqualTo("bulk");
    assertThat(entry.path("index").asText()).isEqualTo(index);
    assertThat(entry.path("id").asText()).isEqualTo("bad-7");
    assertThat(entry.path("operation").asText()).isEqualTo("index");
    assertThat(entry.path("task").asText()).isEqualTo("partition 4 (task 17)");
    assertThat(entry.path("position").asLong()).isEqualTo(2);
    assertThat(entry.path("error").path("status").asInt()).isEqualTo(400);
    assertThat(entry.path("error").path("type").asText()).isEqualTo("document_parsing_exception");
    assertThat(entry.path("error").path("reason").asText()).contains("failed to parse field [age] of type [integer]");
    assertThat(entry.path("document").asText()).isEqualTo("{\"age\":\"forty\"}");
  }

  @Test
  void aCustomHandlerSeesTheOriginalDocumentAndCanSendAFixedOne(ElasticsearchServer server) {
    FixAge.SEEN.clear();
    RestCalls rest = new RestCalls(server);
    String index = strictIndex(server, "custom");
    rest.put("/" + index + "/_mapping", "{\"properties\":{\"was\":{\"type\":\"keyword\"}}}");
    Settings settings = settings(server, "es.write.rest.error.handlers", "fixer,log",
        "es.write.rest.error.handler.fixer", FixAge.class.getName(), "es.write.rest.error.handler.fixer.age", "0");
    try (EsClient client = client(settings)) {
      writeWithOneConflict(client, settings, index);
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(3);
      assertThat(client.metrics().get(Counter.DOCS_RETRIED)).isEqualTo(1);
    }
    assertThat(FixAge.SEEN).singleElement().satisfies(failure -> {
      assertThat(failure.id()).isEqualTo("bad-7");
      assertThat(failure.status()).isEqualTo(400);
      assertThat(new String(failure.document(), StandardCharsets.UTF_8)).isEqualTo("{\"age\":\"forty\"}");
    });
    JsonNode fixed = rest.get("/" + index + "/_doc/bad-7").path("_source");
    assertThat(fixed.path("age").asInt()).isZero();
    assertThat(fixed.path("was").asText()).isEqualTo("{\"age\":\"forty\"}");
  }

  private static String strictIndex(ElasticsearchServer server, String prefix) {
    String index = server.uniqueIndex(prefix);
    new RestCalls(server).put("/" + index, "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"age\":{\"type\":\"integer\"}}}}");
    return index;
  }

  private static void writeWithOneConflict(EsClient client, Settings settings, String index) {
    try (BulkWriter writer = new BulkWriter(client, settings, "partition 4 (task 17)")) {
      writer.add(index, DocumentMetadata.withId("ok-1"), json("{\"age\":41}"));
      writer.add(index, DocumentMetadata.withId("bad-7"), json("{\"age\":\"forty\"}"));
      writer.add(index, DocumentMetadata.withId("ok-2"), json("{\"age\":42}"));
      writer.flush();
    }
    client.refresh(index);
  }
}
