package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "10b, 10",
    "512kb, 524288",
    "1mb, 1048576",
    "1MB, 1048576",
    "' 2 gb ', 2147483648",
    "1tb, 1099511627776",
    "1k, 1024",
    "1m, 1048576",
    "1.5kb, 1536",
    "0.5b, 0",
    "4096, 4096",
    "0, 0",
    "8388607tb, 9223370937343148032",
  })
  void parsesEsHadoopSizes(String raw, long bytes) {
    assertThat(ByteSize.parse(raw).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "mb", "-1mb", "1 megabyte", "1e3", "1pb", "8388608tb", "9223372036854775808", "1.mb"})
  void rejectsWhatItCannotRepresent(String raw) {
    assertThatThrownBy(() -> ByteSize.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + raw + "'")
        .hasMessageContaining("1mb");
  }

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource({"0, 0b", "10, 10b", "1024, 1kb", "1536, 1.5kb", "1048576, 1mb", "1073741824, 1gb", "2560, 2.5kb", "1000000, 1000000b"})
  void printsTheLargestExactUnitAndParsesBack(long bytes, String text) {
    assertThat(new ByteSize(bytes)).hasToString(text);
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void cannotBeNegative(long bytes) {
    assertThatThrownBy(() -> new ByteSize(bytes)).isInstanceOf(IllegalArgumentException.class);
  }
}
