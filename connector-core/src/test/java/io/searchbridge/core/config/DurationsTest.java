package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "500ms, 500",
    "10s, 10000",
    "5m, 300000",
    "1h, 3600000",
    "1d, 86400000",
    "250, 250",
    "0, 0",
    "10S, 10000",
    "' 3 m ', 180000",
  })
  void parsesEsHadoopTimeValues(String raw, long millis) {
    assertThat(Durations.parse(raw)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ms", "-1", "-5s", "1.5s", "10 seconds", "5w", "1m30s", "9223372036854775808", "106751991167301d"})
  void rejectsOtherForms(String raw) {
    assertThatThrownBy(() -> Durations.parse(raw)).isInstanceOf(IllegalArgumentException.class);
  }
}
