package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bulk writer's decisions, against {@link ScriptedEsClient}: what is retried, handled, failed and counted. */
class BulkWriterTest {

  private final ScriptedEsClient client = new ScriptedEsClient();

  private BulkWriter writer(String... keyValues) {
    Map<String, String> map = new HashMap<>(Map.of("es.batch.size.entries", "3", "es.batch.write.retry.wait", "1ms"));
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return new BulkWriter(client, Settings.of(map), "task 7");
  }

  private static byte[] doc(int n) {
    return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static void addNumbered(BulkWriter writer, int count, boolean withIds) {
    for (int n = 0; n < count; n++) {
      writer.add("idx", withIds ? DocumentMetadata.withId("id-" + n) : DocumentMetadata.none(), doc(n));
    }
  }

  @ParameterizedTest
  @CsvSource({"403, security_exception", "401, security_exception", "404, index_not_found_exception",
      "400, index_closed_exception"})
  void failuresOfTheTargetFailTheTaskWhateverTheHandlers(int status, String type) {
    client.failItem(1, 1, status, type);
    BulkWriter writer = writer("es.write.rest.error.handlers", "log,drop");
    addNumbered(writer, 2, true);
    assertThatThrownBy(writer::flush).isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("index [idx] id [id-1]: HTTP " + status + " " + type)
        .hasMessageContaining("error handlers never take failures of the target");
    assertThat(client.metrics().get(Counter.DOCS_DROPPED)).isZero();
    assertThat(client.metrics().get(Counter.DOCS_FAILED)).isEqualTo(1);
  }

  @Test
  void failuresOfADocumentGoToTheHandlers() {
    client.failItem(1, 0, 400, "document_parsing_exception").failItem(1, 1, 409, "version_conflict_engine_exception");
    try (BulkWriter writer = writer("es.write.rest.error.handlers", "drop")) {
      addNumbered(writer, 3, true);
      writer.flush();
    }
    assertThat(client.metrics().get(Counter.DOCS_DROPPED)).isEqualTo(2);
    assertThat(client.stored()).containsOnlyKeys("idx/id-2");
  }

  @Test
  void itemsAnswered5xxAreRetriedNotHandedToHandlers() {
    client.failItem(1, 1, 500, "internal_server_error").failItem(1, 2, 503, "unavailable_shards_exception");
    try (BulkWriter writer = writer("es.write.rest.error.handlers", "drop")) {
      addNumbered(writer, 3, true);
      writer.flush();
    }
    assertThat(client.stored()).hasSize(3);
    assertThat(client.itemsPerCall()).containsExactly(3, 2);
    assertThat(client.metrics().get(Counter.DOCS_RETRIED)).isEqualTo(2);
    assertThat(client.metrics().get(Counter.DOCS_DROPPED)).isZero();
    assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(3);
  }

  @Test
  void aCreateThatMeetsItsOwnEarlierWriteCountsAsWritten() {
    // a task re-run: its first attempt stored documents 0 and 1 before it failed
    client.store("idx", "id-0", "{\"n\":0}").store("idx", "id-1", "{\"n\": 1}");
    try (BulkWriter writer = writer("es.write.operation", "create")) {
      addNumbered(writer, 3, true);
      writer.flush();
    }
    assertThat(client.stored()).hasSize(3);
    assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(3);
    assertThat(client.metrics().get(Counter.DOCS_FAILED)).isZero();
  }

  @Test
  void aCreateThatMeetsAnotherDocumentUnderItsIdStillFails() {
    client.store("idx", "id-1", "{\"n\":-1}");
    BulkWriter writer = writer("es.write.operation", "create");
    addNumbered(writer, 2, true);
    assertThatThrownBy(writer::flush).isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("id [id-1]: HTTP 409 version_conflict_engine_exception");
    assertThat(client.stored().get("idx/id-1").toString()).isEqualTo("{\"n\":-1}");
  }

  @Test
  void contentIdsMakeASecondWriteOfTheSameDocumentsReplaceThemselves() {
    for (int run = 0; run < 2; run++) {
      try (BulkWriter writer = writer("es.mapping.id.generate", "content")) {
        addNumbered(writer, 5, false);
        writer.add("idx", DocumentMetadata.withId("given"), doc(99));
        writer.flush();
      }
    }
    assertThat(client.stored()).hasSize(6).containsKey("idx/given");
    assertThat(client.stored().keySet()).allMatch(key -> key.equals("idx/given") || key.matches("idx/[A-Za-z0-9_-]{22}"));
  }

  @Test
  void contentIdsWithCreateSurviveALostAnswer() {
    client.loseAnswer(1);
    BulkWriter writer = writer("es.mapping.id.generate", "content", "es.write.operation", "create");
    addNumbered(writer, 2, false);
    // The client stack re-sends a bulk whose answer was lost; here the engine re-runs the task.
    assertThatThrownBy(writer::flush).hasMessageContaining("no Elasticsearch node could be reached");
    try (BulkWriter rerun = writer("es.mapping.id.generate", "content", "es.write.operation", "create")) {
      addNumbered(rerun, 2, false);
      rerun.flush();
    }
    assertThat(client.stored()).hasSize(2);
  }

  @Test
  void noIdsAreGeneratedUnlessAsked() {
    try (BulkWriter writer = writer()) {
      addNumbered(writer, 2, false);
      writer.flush();
    }
    assertThat(client.stored().keySet()).containsExactly("idx/generated-1", "idx/generated-2");
  }

  @Test
  void anErrorOnTheSenderThreadFailsTheWriterAndNothingIsSentAfterIt() {
    client.failCall(1, new AssertionError("scripted"));
    BulkWriter writer = writer();
    addNumbered(writer, 3, true); // a full batch: sent from the writer's thread
    assertThatThrownBy(() -> addNumbered(writer, 3, true)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(writer::flush).hasMessageContaining("sends nothing more after a failed bulk request")
        .hasMessageContaining("a bulk request failed: java.lang.AssertionError: scripted");
    writer.close();
    assertThat(client.itemsPerCall()).containsExactly(3);
    assertThat(client.stored()).isEmpty();
  }

  @Test
  void closeIsTheOneEndStateSendsNothingAndEndsTheSenderThread() throws InterruptedException {
    BulkWriter writer = new BulkWriter(client, Settings.of(Map.of("es.batch.size.entries", "3")), "closing task");
    addNumbered(writer, 4, true); // one full batch handed to the sender thread, one document buffered
    writer.close();
    assertThat(client.stored()).doesNotContainKey("idx/id-3");
    List<Thread> senders = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("searchbridge bulk closing task")).toList();
    for (Thread sender : senders) {
      sender.join(5_000);
      assertThat(sender.isAlive()).as("sender thread after close").isFalse();
    }
  }

  @Test
  void batchesGoOutInOrderAndEveryDocumentIsAcknowledgedByFlush() {
    try (BulkWriter writer = writer()) {
      addNumbered(writer, 10, true);
      writer.flush();
    }
    assertThat(client.itemsPerCall()).containsExactly(3, 3, 3, 1);
    assertThat(List.copyOf(client.stored().keySet())).startsWith("idx/id-0", "idx/id-1", "idx/id-2").endsWith("idx/id-9");
    assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(10);
  }
}
