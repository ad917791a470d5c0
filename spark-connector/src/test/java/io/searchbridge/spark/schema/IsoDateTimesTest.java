package io.searchbridge.spark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDateTimesTest {

  private final byte[] out = new byte[IsoDateTimes.MAX_LENGTH];

  private String timestamp(long micros, boolean utc) {
    return new String(out, 0, IsoDateTimes.dateTime(micros, utc, out), StandardCharsets.US_ASCII);
  }

  private String date(long epochDay) {
    return new String(out, 0, IsoDateTimes.date((int) epochDay, out), StandardCharsets.US_ASCII);
  }

  @Test
  void fractionIsOmittedOrMillisOrMicros() {
    assertThat(timestamp(Rows.micros("2026-11-23T10:15:30Z"), true)).isEqualTo("2026-11-23T10:15:30Z");
    assertThat(timestamp(Rows.micros("2026-11-23T10:15:30.120Z"), true)).isEqualTo("2026-11-23T10:15:30.120Z");
    assertThat(timestamp(Rows.micros("2026-11-23T10:15:30.123456Z"), true)).isEqualTo("2026-11-23T10:15:30.123456Z");
    assertThat(timestamp(Rows.micros("2026-11-23T00:00:00.000001Z"), false)).isEqualTo("2026-11-23T00:00:00.000001");
  }

  @Test
  void beforeEpochAndExtremeYears() {
    assertThat(timestamp(-1, true)).isEqualTo("1969-12-31T23:59:59.999999Z");
    assertThat(timestamp(Rows.micros("0001-01-01T00:00:00Z"), true)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(timestamp(Long.MAX_VALUE, true)).isEqualTo("+294247-01-10T04:00:54.775807Z");
    assertThat(date(LocalDate.of(-44, 3, 15).toEpochDay())).isEqualTo("-0044-03-15");
  }

  @Test
  void agreesWithInstantToStringAcrossRandomInstants() {
    Random random = new Random(20261123);
    for (int i = 0; i < 10_000; i++) {
      long micros = random.nextLong() % (300L * 365 * 86_400 * 1_000_000);
      // A third each of whole seconds, whole milliseconds and arbitrary microseconds.
      micros -= Math.floorMod(micros, i % 3 == 0 ? 1_000_000L : i % 3 == 1 ? 1_000L : 1L);
      Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
      assertThat(timestamp(micros, true)).as("micros %d", micros).isEqualTo(instant.toString());
      assertThat(date(Math.floorDiv(micros, 86_400_000_000L)))
          .isEqualTo(LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L)).toString());
    }
  }
}
