package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.write.DocumentEncoder.Encoded;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order every engine writes in: records, flush, close; against {@link ScriptedEsClient}. */
class TaskWriterTest {

  private final ScriptedEsClient client = new ScriptedEsClient();

  private TaskWriter writer(String... keyValues) {
    Map<String, String> map = new HashMap<>(Map.of("es.resource", "idx", "es.batch.size.entries", "2"));
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return TaskWriter.open(client, Settings.of(map), "task 3");
  }

  /** Record {@code n} as a document, except that record 2 cannot be encoded. */
  private static Optional<Encoded> write(TaskWriter writer, int n) {
    return writer.write(at -> {
      if (n == 2) {
        throw new SearchbridgeException("record " + at + " has no JSON form");
      }
      return new Encoded("idx", DocumentMetadata.withId("id-" + n), json(n));
    }, () -> ("record " + n).getBytes(StandardCharsets.UTF_8), (json, at) -> new Encoded("idx",
        DocumentMetadata.withId("fixed-" + at), json));
  }

  private static byte[] json(int n) {
    return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordsTheEncodingHandlersTakeAreSkippedButCounted() {
    try (TaskWriter writer = writer("es.write.data.error.handlers", "drop")) {
      assertThat(write(writer, 1)).isPresent();
      assertThat(write(writer, 2)).isEmpty();
      assertThat(write(writer, 3)).isPresent();
      writer.flush();
      assertThat(writer.position()).isEqualTo(3);
      assertThat(writer.metrics().get(Counter.DOCS_DROPPED)).isEqualTo(1);
    }
    assertThat(client.stored()).containsOnlyKeys("idx/id-1", "idx/id-3");
    assertThat(client.closed()).isTrue();
  }

  @Test
  void withoutHandlersARecordThatCannotBeEncodedFailsTheTaskAfterTheRecordsBeforeItAreWritten() {
    try (TaskWriter writer = writer()) {
      write(writer, 1);
      assertThatThrownBy(() -> write(writer, 2)).hasMessageContaining("record 2 has no JSON form");
    }
    assertThat(client.stored()).containsOnlyKeys("idx/id-1");
  }

  @Test
  void flushAcknowledgesEverythingAndCloseAloneSendsNothing() {
    try (TaskWriter writer = writer()) {
      write(writer, 1);
      write(writer, 3);
      write(writer, 4);
      writer.flush();
      assertThat(writer.writtenOrPending(Counter.DOCS_WRITTEN)).isEqualTo(3);
      write(writer, 5); // the task fails here, before its commit
    }
    assertThat(client.stored()).containsOnlyKeys("idx/id-1", "idx/id-3", "idx/id-4");
    assertThat(client.closed()).isTrue();
  }

  @Test
  void aDocumentThatIsJsonAlreadyIsAddedAsItIs() {
    try (TaskWriter writer = writer()) {
      writer.add("copy", DocumentMetadata.withId("c"), json(7));
      writer.flush();
      assertThat(writer.position()).isEqualTo(1);
    }
    assertThat(client.stored().get("copy/c").toString()).isEqualTo("{\"n\":7}");
  }
}
