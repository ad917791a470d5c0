package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncodingErrorHandlingTest {

  private final ConnectorMetrics metrics = new ConnectorMetrics();

  private Optional<String> encode(String handlers, RuntimeException failure) {
    try (EncodingErrorHandling encoding = EncodingErrorHandling.open(
        Settings.of(Map.of("es.write.data.error.handlers", handlers)), "task 5", metrics)) {
      return encoding.encode(3, () -> {
        throw failure;
      }, () -> "value".getBytes(StandardCharsets.UTF_8), json -> new String(json, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aValueThatCannotBeEncodedIsSkippedWhenAHandlerTakesIt() {
    assertThat(encode("drop", new SearchbridgeException("NaN in [score]"))).isEmpty();
    assertThat(metrics.get(Counter.DOCS_DROPPED)).isEqualTo(1);
  }

  @Test
  void withoutHandlersTheOriginalErrorFailsTheTask() {
    assertThatThrownBy(() -> encode("", new SearchbridgeException("NaN in [score]"))).hasMessage("NaN in [score]");
    assertThatThrownBy(() -> encode("fail", new SearchbridgeException("NaN in [score]"))).hasMessage("NaN in [score]");
  }

  @Test
  void invalidSettingsAreNeverHandled() {
    assertThatThrownBy(() -> encode("drop", new InvalidSettingException("es.mapping.id", "no such field")))
        .isInstanceOf(InvalidSettingException.class);
    assertThat(metrics.get(Counter.DOCS_DROPPED)).isZero();
  }

  @Test
  void goodValuesPassThrough() {
    try (EncodingErrorHandling encoding = EncodingErrorHandling.open(
        Settings.of(Map.of("es.write.data.error.handlers", "drop")), "task 5", metrics)) {
      assertThat(encoding.encode(1, () -> "ok", () -> new byte[0], json -> "retried")).contains("ok");
    }
  }
}
