package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexNamePatternTest {

  private static String resolve(String pattern, Map<String, Object> document) {
    return IndexNamePattern.parse(pattern).resolve(document::get, 9);
  }

  private static String day(Object timestamp) {
    return resolve("logs-{@timestamp|yyyy.MM.dd}", Map.of("@timestamp", timestamp));
  }

  @Test
  void staticNameNeedsNoDocument() {
    IndexNamePattern pattern = IndexNamePattern.parse("logs");
    assertThat(pattern.isStatic()).isTrue();
    assertThat(pattern.fields()).isEmpty();
    assertThat(pattern.resolve(path -> {
      throw new AssertionError("static names read no field");
    }, 0)).isEqualTo("logs");
  }

  @Test
  void wildcardCoversEveryNameThePatternCanWrite() {
    assertThat(IndexNamePattern.parse("logs").wildcard()).isEqualTo("logs");
    assertThat(IndexNamePattern.parse("{env}-logs-{app.name}-{ts|yyyy.MM}").wildcard()).isEqualTo("*-logs-*-*");
  }

  @Test
  void fieldPlaceholder() {
    IndexNamePattern pattern = IndexNamePattern.parse("logs-{service}");
    assertThat(pattern.isStatic()).isFalse();
    assertThat(pattern.resolve(Map.<String, Object>of("service", "web")::get, 0)).isEqualTo("logs-web");
  }

  @Test
  void severalPlaceholdersAndNestedPaths() {
    IndexNamePattern pattern = IndexNamePattern.parse("{env}-logs-{app.name}-{ts|yyyy.MM}");
    assertThat(pattern.fields()).containsExactly("env", "app.name", "ts");
    assertThat(pattern.resolve(
        Map.<String, Object>of("env", "prod", "app.name", "api", "ts", LocalDate.of(2026, 11, 23))::get, 0))
        .isEqualTo("prod-logs-api-2026.11");
  }

  @Test
  void nonStringValuesUseToString() {
    assertThat(resolve("shard-{n}", Map.of("n", 3L))).isEqualTo("shard-3");
  }

  @Test
  void datesFromEveryValueKindFormatInUtc() {
    assertThat(day(Instant.parse("2026-11-23T23:30:00Z"))).isEqualTo("logs-2026.11.23");
    assertThat(day(LocalDate.of(2026, 11, 23))).isEqualTo("logs-2026.11.23");
    assertThat(day(LocalDateTime.of(2026, 11, 23, 23, 30))).isEqualTo("logs-2026.11.23");
    // 01:30 in Paris is still the previous day in UTC.
    assertThat(day(ZonedDateTime.of(2026, 11, 24, 1, 30, 0, 0, ZoneId.of("Europe/Paris"))))
        .isEqualTo("logs-2026.11.24");
    assertThat(day(ZonedDateTime.of(2026, 11, 24, 0, 30, 0, 0, ZoneId.of("Europe/Paris"))))
        .isEqualTo("logs-2026.11.23");
    assertThat(day(OffsetDateTime.parse("2026-11-24T00:30:00+01:00"))).isEqualTo("logs-2026.11.23");
    assertThat(day(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli())).isEqualTo("logs-2026.11.23");
    assertThat(day("2026-11-24T00:30:00+01:00")).isEqualTo("logs-2026.11.23");
    assertThat(day("2026-11-23T10:15:30.123Z")).isEqualTo("logs-2026.11.23");
    assertThat(day("2026-11-23T10:15:30")).isEqualTo("logs-2026.11.23");
    assertThat(day("2026-11-23")).isEqualTo("logs-2026.11.23");
  }

  @Test
  void timeOfDayFormats() {
    assertThat(resolve("m-{t|yyyy-MM-dd-HH}", Map.of("t", LocalDate.of(2026, 1, 2)))).isEqualTo("m-2026-01-02-00");
    assertThat(resolve("m-{t|HH.mm}", Map.of("t", Instant.parse("2026-01-02T03:04:05Z")))).isEqualTo("m-03.04");
  }

  @Test
  void missingFieldNamesFieldPatternAndPosition() {
    assertThatThrownBy(() -> resolve("logs-{service}", Map.of()))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessage("Document at position 9 has no value in field [service], which index name pattern"
            + " [logs-{service}] (es.resource.write) needs");
  }

  @Test
  void valueThatIsNoDateFails() {
    assertThatThrownBy(() -> day("yesterday"))
        .hasMessage("Field [@timestamp] of document at position 9 holds [yesterday] (String), which index name"
            + " pattern [logs-{@timestamp|yyyy.MM.dd}] must format as a date; expected a timestamp, a date,"
            + " epoch milliseconds or an ISO-8601 string");
    assertThatThrownBy(() -> day(true)).hasMessageContaining("holds [true] (Boolean)");
  }

  @Test
  void upperCaseIsRefusedNotLowerCased() {
    assertThatThrownBy(() -> resolve("logs-{service}", Map.of("service", "Web")))
        .hasMessageStartingWith("Field [service] of document at position 9 gives [Web] for index name pattern"
            + " [logs-{service}], but Elasticsearch index names must be lower case");
    assertThatThrownBy(() -> resolve("m-{t|MMM}", Map.of("t", LocalDate.of(2026, 11, 23))))
        .hasMessageContaining("gives [Nov]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"logs-{service", "logs-}", "logs-{a{b}}", "{}", "logs-{ |yyyy}", "logs-{t|}", "  "})
  void malformedPatternsNameTheSettingAndPattern(String pattern) {
    assertThatThrownBy(() -> IndexNamePattern.parse(pattern))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.key()).isEqualTo("es.resource.write"))
        .hasMessageStartingWith("Invalid index name pattern [" + pattern + "] in es.resource.write (or es.resource): ");
  }

  @Test
  void malformedPatternReasons() {
    assertThatThrownBy(() -> IndexNamePattern.parse("logs-{service"))
        .hasMessageContaining(": '{' at offset 5 is never closed;");
    assertThatThrownBy(() -> IndexNamePattern.parse("logs-}")).hasMessageContaining(": '}' at offset 5 closes no placeholder;");
    assertThatThrownBy(() -> IndexNamePattern.parse("x-{}")).hasMessageContaining(": placeholder {} names no field;");
    assertThatThrownBy(() -> IndexNamePattern.parse("x-{t|}"))
        .hasMessageContaining(": placeholder {t|} has an empty date format after '|';");
    assertThatThrownBy(() -> IndexNamePattern.parse("x-{t|yyyy-bb}"))
        .hasMessageContaining(": placeholder {t|yyyy-bb} has an invalid java.time format: ");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(IndexNamePattern.parse("logs-{t|yyyy}"));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      IndexNamePattern copy = (IndexNamePattern) in.readObject();
      assertThat(copy.resolve(Map.<String, Object>of("t", LocalDate.of(2031, 1, 1))::get, 0)).isEqualTo("logs-2031");
    }
  }
}
