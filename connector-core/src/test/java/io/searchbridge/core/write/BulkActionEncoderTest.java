package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkActionEncoderTest {

  private static final byte[] DOC = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  private static String encode(Map<String, String> settings, DocumentMetadata metadata, byte[] document) {
    BulkBuffer buffer = new BulkBuffer(1024);
    new BulkActionEncoder(Settings.of(settings), "task 7").encode(buffer, "idx", metadata, document, 1);
    return new String(buffer.data(), 0, buffer.size(), StandardCharsets.UTF_8);
  }

  @Test
  void indexWithAllMetadata() {
    assertThat(encode(Map.of("es.ingest.pipeline", "p1"), new DocumentMetadata("id1", "r1", "7"), DOC))
        .isEqualTo("{\"index\":{\"_index\":\"idx\",\"_id\":\"id1\",\"routing\":\"r1\",\"version\":\"7\","
            + "\"version_type\":\"external\",\"pipeline\":\"p1\"}}\n{\"a\":1}\n");
  }

  @Test
  void createWithoutId() {
    assertThat(encode(Map.of("es.write.operation", "create"), DocumentMetadata.none(), DOC))
        .isEqualTo("{\"create\":{\"_index\":\"idx\"}}\n{\"a\":1}\n");
  }

  @Test
  void updateAndUpsert() {
    assertThat(encode(Map.of("es.write.operation", "update", "es.update.retry.on.conflict", "3"),
        DocumentMetadata.withId("x"), DOC))
        .isEqualTo("{\"update\":{\"_index\":\"idx\",\"_id\":\"x\",\"retry_on_conflict\":3}}\n{\"doc\":{\"a\":1}}\n");
    assertThat(encode(Map.of("es.write.operation", "upsert"), DocumentMetadata.withId("x"), DOC))
        .isEqualTo("{\"update\":{\"_index\":\"idx\",\"_id\":\"x\"}}\n{\"doc\":{\"a\":1},\"doc_as_upsert\":true}\n");
  }

  @Test
  void scriptedUpsert() {
    assertThat(encode(Map.of("es.write.operation", "upsert", "es.update.script.inline", "ctx._source.n += params.d",
        "es.update.script.params.json", "{\"d\":2}"), DocumentMetadata.withId("x"), DOC))
        .isEqualTo("{\"update\":{\"_index\":\"idx\",\"_id\":\"x\"}}\n"
            + "{\"script\":{\"source\":\"ctx._source.n += params.d\",\"params\":{\"d\":2}},\"upsert\":{\"a\":1}}\n");
  }

  @Test
  void deleteHasNoDocumentLine() {
    assertThat(encode(Map.of("es.write.operation", "delete"), DocumentMetadata.withId("x"), DOC))
        .isEqualTo("{\"delete\":{\"_index\":\"idx\",\"_id\":\"x\"}}\n");
  }

  @Test
  void prettyPrintedDocumentsAreCompactedSoFramingHolds() {
    byte[] pretty = "{\n  \"a\" : 1,\n  \"s\" : \"x\\ny\"\n}".getBytes(StandardCharsets.UTF_8);
    assertThat(encode(Map.of(), DocumentMetadata.none(), pretty))
        .isEqualTo("{\"index\":{\"_index\":\"idx\"}}\n{\"a\":1,\"s\":\"x\\ny\"}\n");
  }

  @Test
  void badInputNamesTheDocumentAndSetting() {
    assertThatThrownBy(() -> encode(Map.of("es.write.operation", "upsert"), DocumentMetadata.none(), DOC))
        .isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("es.write.operation=upsert needs a document id")
        .hasMessageContaining("document #1 of task 7")
        .hasMessageContaining("set es.mapping.id");
    assertThatThrownBy(() -> encode(Map.of(), DocumentMetadata.withId("d9"), "{\n\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("document [d9] for index [idx] is not valid JSON");
    assertThatThrownBy(() -> encode(Map.of("es.update.script.inline", "x"), DocumentMetadata.withId("d"), DOC))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("applies only to es.write.operation=update or upsert");
  }

  @Test
  void failedEntryLeavesTheBufferAsBefore() {
    BulkBuffer buffer = new BulkBuffer(1024);
    BulkActionEncoder encoder = new BulkActionEncoder(Settings.empty(), "t");
    encoder.encode(buffer, "idx", DocumentMetadata.none(), DOC, 1);
    int size = buffer.size();
    assertThatThrownBy(() -> encoder.encode(buffer, "idx", DocumentMetadata.none(), "{\n".getBytes(StandardCharsets.UTF_8), 2))
        .isInstanceOf(BulkWriteException.class);
    assertThat(buffer.entries()).isEqualTo(1);
    assertThat(buffer.size()).isEqualTo(size);
  }

  /** The encoder keeps one generator for all its action lines: entries must not leak into each other. */
  @Test
  void oneEncoderWritesConsecutiveEntriesIntoAnyBuffer() {
    BulkActionEncoder encoder = new BulkActionEncoder(Settings.empty(), "t");
    BulkBuffer first = new BulkBuffer(1024);
    BulkBuffer second = new BulkBuffer(1024);
    encoder.encode(first, "a", DocumentMetadata.withId("1"), DOC, 1);
    encoder.encode(second, "b", DocumentMetadata.none(), DOC, 2);
    encoder.encode(first, "a", new DocumentMetadata("3", "r", null), DOC, 3);
    assertThat(new String(first.data(), 0, first.size(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"index\":{\"_index\":\"a\",\"_id\":\"1\"}}\n{\"a\":1}\n"
            + "{\"index\":{\"_index\":\"a\",\"_id\":\"3\",\"routing\":\"r\"}}\n{\"a\":1}\n");
    assertThat(new String(second.data(), 0, second.size(), StandardCharsets.UTF_8))
        .isEqualTo("{\"index\":{\"_index\":\"b\"}}\n{\"a\":1}\n");
  }
}
