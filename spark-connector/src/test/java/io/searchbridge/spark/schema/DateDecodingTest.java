package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.DecoderTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateDecodingTest {

  private static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1000;
  }

  private static Object date(String type, String format, String valueJson) {
    String mapping = format.isEmpty()
        ? "{\"type\": \"" + type + "\"}"
        : "{\"type\": \"" + type + "\", \"format\": \"" + format + "\"}";
    return one(mapping, valueJson);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = ';', textBlock = """
      '' ; "2024-03-05T10:11:12.345Z" ; 2024-03-05T10:11:12.345Z
      '' ; "2024-03-05T10:11:12+02:00" ; 2024-03-05T08:11:12Z
      '' ; "2024-03-05T10:11:12.5+0130" ; 2024-03-05T08:41:12.500Z
      '' ; "2024-03-05" ; 2024-03-05T00:00:00Z
      '' ; "2024-03" ; 2024-03-01T00:00:00Z
      '' ; "2024-03-05T10:11" ; 2024-03-05T10:11:00Z
      '' ; 1709633472345 ; 2024-03-05T10:11:12.345Z
      '' ; "1709633472345" ; 2024-03-05T10:11:12.345Z
      epoch_millis ; -1000 ; 1969-12-31T23:59:59Z
      epoch_second ; 1709633472 ; 2024-03-05T10:11:12Z
      epoch_second ; "1709633472.25" ; 2024-03-05T10:11:12.250Z
      strict_date_optional_time ; "2024-03-05T10:11:12Z" ; 2024-03-05T10:11:12Z
      date_optional_time ; "2024-03-05T10:11:12" ; 2024-03-05T10:11:12Z
      strict_date_time ; "2024-03-05T10:11:12.345Z" ; 2024-03-05T10:11:12.345Z
      date_time ; "2024-03-05T10:11:12.345-01:00" ; 2024-03-05T11:11:12.345Z
      strict_date ; "2024-03-05" ; 2024-03-05T00:00:00Z
      date ; "2024-03-05" ; 2024-03-05T00:00:00Z
      basic_date ; "20240305" ; 2024-03-05T00:00:00Z
      basic_date_time ; "20240305T101112.345Z" ; 2024-03-05T10:11:12.345Z
      strict_date_hour_minute_second ; "2024-03-05T10:11:12" ; 2024-03-05T10:11:12Z
      date_hour_minute_second ; "2024-03-05T10:11:12" ; 2024-03-05T10:11:12Z
      yyyy/MM/dd HH:mm:ss ; "2024/03/05 10:11:12" ; 2024-03-05T10:11:12Z
      dd.MM.yyyy ; "05.03.2024" ; 2024-03-05T00:00:00Z
      yyyy/MM/dd HH:mm:ss||epoch_millis ; 1709633472345 ; 2024-03-05T10:11:12.345Z
      yyyy/MM/dd HH:mm:ss||epoch_millis ; "1709633472345" ; 2024-03-05T10:11:12.345Z
      epoch_second||strict_date ; "2024-03-05" ; 2024-03-05T00:00:00Z
      """)
  void dateFormats(String format, String valueJson, String expected) {
    assertThat(date("date", format, valueJson)).isEqualTo(micros(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "2024-03-05T10:11:12.123456789Z" | 2024-03-05T10:11:12.123456Z
      "1969-12-31T23:59:59.999999999Z" | 1969-12-31T23:59:59.999999Z
      """)
  void dateNanosTruncateToMicros(String valueJson, String expected) {
    assertThat(date("date_nanos", "", valueJson)).isEqualTo(micros(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "2024-03-05T10:11:12Z" | 2024-03-05T10:11:12Z
      1709633472345          | 1709633472345
      """)
  void datesAsTheyAppearWhenNotRich(String valueJson, String expected) {
    assertThat(DecoderTest.one("{\"type\": \"date\"}", valueJson, "es.mapping.date.rich", "false"))
        .isEqualTo(expected);
  }
}
