package io.searchbridge.spark.schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 text of Spark's date and timestamp encodings (days and microseconds since the epoch),
 * written as ASCII into a caller's scratch array: the write path formats one per row and column,
 * and {@link java.time.format.DateTimeFormatter} would build several strings each time. Fractions
 * follow {@link Instant#toString()}: none, milliseconds or microseconds, whichever is exact.
 */
final class IsoDateTimes {

  /** Room for "+294247-01-10T04:00:54.775807Z", the latest instant Spark's microseconds hold. */
  static final int MAX_LENGTH = 32;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int SECONDS_PER_DAY = 86_400;

  private IsoDateTimes() {}

  /** {@code yyyy-MM-dd}; returns the length written. */
  static int date(int epochDay, byte[] out) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      // Four-digit years cover real data; ISO's signed wide years go the slow, general way.
      return ascii(date.toString(), out);
    }
    digits(date.getYear(), 4, out, 0);
    out[4] = '-';
    digits(date.getMonthValue(), 2, out, 5);
    out[7] = '-';
    digits(date.getDayOfMonth(), 2, out, 8);
    return 10;
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]}, followed by {@code Z} when {@code utc}. */
  static int dateTime(long epochMicros, boolean utc, byte[] out) {
    long seconds = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
    int micros = (int) Math.floorMod(epochMicros, MICROS_PER_SECOND);
    int length = date((int) Math.floorDiv(seconds, SECONDS_PER_DAY), out);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    out[length] = 'T';
    digits(secondOfDay / 3600, 2, out, length + 1);
    out[length + 3] = ':';
    digits(secondOfDay / 60 % 60, 2, out, length + 4);
    out[length + 6] = ':';
    digits(secondOfDay % 60, 2, out, length + 7);
    length += 9;
    if (micros != 0) {
      out[length++] = '.';
      boolean millisOnly = micros % 1000 == 0;
      int fractionDigits = millisOnly ? 3 : 6;
      digits(millisOnly ? micros / 1000 : micros, fractionDigits, out, length);
      length += fractionDigits;
    }
    if (utc) {
      out[length++] = 'Z';
    }
    return length;
  }

  private static void digits(int value, int width, byte[] out, int offset) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int ascii(String text, byte[] out) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, out, 0, bytes.length);
    return bytes.length;
  }
}
