package io.searchbridge.spark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IsoInstantParserTest {

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      2024-03-05 ; 2024-03-05T00:00:00Z
      2024-02-29 ; 2024-02-29T00:00:00Z
      1969-12-31 ; 1969-12-31T00:00:00Z
      0001-01-01 ; 0001-01-01T00:00:00Z
      9999-12-31T23:59:59.999999999Z ; 9999-12-31T23:59:59.999999Z
      2024-03-05T10:11 ; 2024-03-05T10:11:00Z
      2024-03-05T10:11Z ; 2024-03-05T10:11:00Z
      2024-03-05T10:11:12 ; 2024-03-05T10:11:12Z
      2024-03-05T10:11:12Z ; 2024-03-05T10:11:12Z
      2024-03-05T10:11:12.5Z ; 2024-03-05T10:11:12.500Z
      2024-03-05T10:11:12.345 ; 2024-03-05T10:11:12.345Z
      2024-03-05T10:11:12.1234567Z ; 2024-03-05T10:11:12.123456Z
      2024-03-05T10:11:12+02:00 ; 2024-03-05T08:11:12Z
      2024-03-05T10:11:12.5+0130 ; 2024-03-05T08:41:12.500Z
      2024-03-05T10:11:12.345-01:00 ; 2024-03-05T11:11:12.345Z
      1969-12-31T23:59:59.999999Z ; 1969-12-31T23:59:59.999999Z
      1900-03-01T00:00:00-18:00 ; 1900-03-01T18:00:00Z
      """)
  void readsCommonShapes(String text, String expected) {
    assertThat(IsoInstantParser.parse(text)).isEqualTo(micros(Instant.parse(expected)));
  }

  /** Left to the general formatter, which accepts some of them and rejects the rest with its own message. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2024", "2024-03", "2024-03-05T10", "20240305", "2023-02-29", "2024-13-01", "2024-00-10",
      "2024-04-31", "2024-03-05T24:00", "2024-03-05T10:60", "2024-03-05T10:11:60", "2024-03-05 10:11:12",
      "2024-03-05t10:11:12", "2024-03-05T10:11:12.", "2024-03-05T10:11:12.1234567890Z", "2024-03-05T10:11:12+01",
      "2024-03-05T10:11:12+19:00", "2024-03-05T10:11:12+01:60", "2024-03-05T10:11:12 Z", "+2024-03-05",
      "12024-03-05", "2024-3-05", "2024-03-05T1:11", "2024-03-05T10:11:12ZZ", "2024-03-05T10:11:12.5x"})
  void leavesEverythingElseToTheFormatter(String text) {
    assertThat(IsoInstantParser.parse(text)).isEqualTo(IsoInstantParser.UNHANDLED);
  }

  @Test
  void agreesWithJavaTimeOnRandomInstants() {
    Random random = new Random(42);
    DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    for (int i = 0; i < 10_000; i++) {
      long second = random.nextLong(-62_135_596_800L, 253_402_300_799L);
      Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1000L);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      String text = OffsetDateTime.ofInstant(instant, offset).format(withOffset);
      if (OffsetDateTime.parse(text, withOffset).getYear() < 1 || text.startsWith("+")) {
        continue;
      }
      assertThat(IsoInstantParser.parse(text)).as(text).isEqualTo(micros(instant));
      assertThat(IsoInstantParser.parse(instant.toString())).as(instant.toString()).isEqualTo(micros(instant));
    }
  }
}
