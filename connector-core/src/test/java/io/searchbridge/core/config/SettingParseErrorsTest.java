package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingParseErrorsTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es.port               | 0        | Invalid value '0' for es.port: expected an integer between 1 and 65535",
        "es.port               | 65536    | Invalid value '65536' for es.port: expected an integer between 1 and 65535",
        "es.port               | 92OO     | Invalid value '92OO' for es.port: expected an integer between 1 and 65535",
        "es.scroll.size        | 10001    | Invalid value '10001' for es.scroll.size: expected an integer between 1 and 10000",
        "es.batch.size.entries | 0        | Invalid value '0' for es.batch.size.entries: expected an integer >= 1",
        "es.http.retries       | -1       | Invalid value '-1' for es.http.retries: expected an integer >= 0",
        "es.scroll.limit       | -2       | Invalid value '-2' for es.scroll.limit: expected an integer >= -1",
        "es.input.max.docs.per.partition | 0 | Invalid value '0' for es.input.max.docs.per.partition: expected an integer >= 1",
        "es.nodes.discovery    | yes      | Invalid value 'yes' for es.nodes.discovery: expected true or false",
        "es.net.ssl            | 1        | Invalid value '1' for es.net.ssl: expected true or false",
        "es.write.operation    | insert   | Invalid value 'insert' for es.write.operation: expected one of index, create, update, upsert, delete",
        "es.read.partition.strategy | scroll | Invalid value 'scroll' for es.read.partition.strategy: expected one of pit, shard",
        "es.field.read.validate.presence | fail | Invalid value 'fail' for es.field.read.validate.presence: expected one of ignore, warn, strict",
      })
  void namesKeyValueAndWhatIsAllowed(String key, String value, String message) {
    assertThatThrownBy(() -> Settings.of(Map.of(key, value)))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessage(message);
  }

  @Test
  void durationErrorShowsTheAcceptedForms() {
    assertThatThrownBy(() -> Keys.HTTP_TIMEOUT.parse("1 minute"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Invalid value '1 minute' for es.http.timeout: expected a non-negative duration such as 500ms, 10s,"
                + " 5m, 1h, 1d or a number of milliseconds");
  }

  @Test
  void byteSizeErrorShowsTheAcceptedForms() {
    assertThatThrownBy(() -> Keys.BATCH_SIZE_BYTES.parse("1 megabyte"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("Invalid value '1 megabyte' for es.batch.size.bytes: expected a non-negative size")
        .hasMessageContaining("1mb");
  }

  @Test
  void negativeBatchRetryCountIsRefusedBecauseLoopsMustBeBounded() {
    assertThatThrownBy(() -> Settings.of(Map.of("es.batch.write.retry.count", "-1")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("Invalid value '-1' for es.batch.write.retry.count")
        .hasMessageContaining("retry forever")
        .hasMessageContaining("every network loop must be bounded");
  }

  @Test
  void withValidatesTheChangedKey() {
    Settings settings = Settings.of(Map.of("es.port", "9201"));

    assertThatThrownBy(() -> settings.with("es.scroll.keepalive", "soon"))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.scroll.keepalive"));
    assertThat(settings.with("es.port", "9300").get(Keys.PORT)).isEqualTo(9300);
    assertThat(settings.get(Keys.PORT)).as("the original is unchanged").isEqualTo(9201);
  }

  @Test
  void withDefaultsValidatesOnlyTheValuesItApplies() {
    Settings settings = Settings.of(Map.of("es.port", "9201"));

    assertThat(settings.withDefaults(Map.of("es.port", "not-a-port")).get(Keys.PORT)).isEqualTo(9201);
    assertThatThrownBy(() -> settings.withDefaults(Map.of("es.net.ssl", "maybe")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.net.ssl");
  }

  @Test
  void writeOperationParsesItsLowerCaseWireNameCaseInsensitively() {
    assertThat(WriteOperation.parse("Upsert")).isEqualTo(WriteOperation.UPSERT);
    assertThat(WriteOperation.DELETE.wireName()).isEqualTo("delete");
    assertThatThrownBy(() -> WriteOperation.parse("merge")).isInstanceOf(InvalidSettingException.class);
  }
}
