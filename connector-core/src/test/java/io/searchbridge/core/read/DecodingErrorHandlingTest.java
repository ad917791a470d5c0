package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodingErrorHandlingTest {

  private static final HitMetadata HIT = new HitMetadata("idx", "doc-1", Double.NaN);

  /** Reads field n as an int, like a schema that says so. */
  private static final HitDecoder<Integer> INT_N = (metadata, source) -> {
    Map<?, ?> map = Json.MAPPER.readValue(source, Map.class);
    if (!(map.get("n") instanceof Integer n)) {
      throw new SearchbridgeException("field [n] holds " + map.get("n") + ", not an int");
    }
    return n;
  };

  private final ConnectorMetrics metrics = new ConnectorMetrics();

  private DecodingErrorHandling<Integer> decoding(String handlers, DecodingErrorHandling.Unhandled<Integer> unhandled) {
    HandlerChain chain = HandlerChain.open(Failure.Stage.DECODING, Settings.of(Map.of("es.read.data.error.handlers", handlers)),
        "task 2", metrics);
    return new DecodingErrorHandling<>(INT_N, chain, unhandled, "task 2", metrics);
  }

  private static Integer decode(DecodingErrorHandling<Integer> decoding, String source) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(source)) {
      parser.nextToken();
      Integer value = decoding.decode(HIT, parser);
      assertThat(parser.nextToken()).as("the whole _source is consumed").isNull();
      return value;
    }
  }

  @Test
  void goodHitsDecodeAsBefore() throws IOException {
    assertThat(decode(decoding("", DecodingErrorHandling.Unhandled.fail()), "{\"n\": 5}")).isEqualTo(5);
  }

  @Test
  void aHandledHitIsSkippedAndCounted() throws IOException {
    assertThat(decode(decoding("drop", DecodingErrorHandling.Unhandled.fail()), "{\"n\": \"five\"}")).isNull();
    assertThat(metrics.get(Counter.DOCS_DROPPED)).isEqualTo(1);
  }

  @Test
  void whatNoHandlerTakesGoesToTheEnginesPolicyWithTheSource() throws IOException {
    byte[][] seen = new byte[1][];
    DecodingErrorHandling<Integer> substitute = decoding("", (hit, source, error) -> {
      seen[0] = source;
      return -1;
    });
    assertThat(decode(substitute, "{\"n\": \"five\"}")).isEqualTo(-1);
    assertThat(new String(seen[0], StandardCharsets.UTF_8)).isEqualTo("{\"n\":\"five\"}");
    assertThat(metrics.get(Counter.DOCS_HANDLED)).isEqualTo(1);
    assertThat(decode(decoding("", (hit, source, error) -> null), "{\"n\": true}")).isNull();
    assertThat(metrics.get(Counter.DOCS_DROPPED)).isEqualTo(1);
  }

  @Test
  void failingIsTheDefault() {
    assertThatThrownBy(() -> decode(decoding("", DecodingErrorHandling.Unhandled.fail()), "{\"n\": \"five\"}"))
        .hasMessageContaining("field [n] holds five");
  }
}
