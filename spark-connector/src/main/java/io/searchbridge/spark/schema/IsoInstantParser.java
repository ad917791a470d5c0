package io.searchbridge.spark.schema;

/**
 * Reads the ISO shapes dates almost always have ({@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm},
 * with optional {@code :ss}, {@code .fraction} and {@code Z}/{@code ±HH:MM}/{@code ±HHmm}) straight
 * into microseconds since the epoch. A read task decodes one per row and date column, and the
 * general {@link java.time.format.DateTimeFormatter} costs microseconds and several objects each
 * time. Anything else, and anything out of range, is left to that formatter ({@link #UNHANDLED}),
 * so the fast path never accepts what the formatter would reject or read differently.
 */
final class IsoInstantParser {

  /** Returned for text this parser leaves to the general formatter. */
  static final long UNHANDLED = Long.MIN_VALUE;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final int MAX_OFFSET_HOURS = 18;

  private IsoInstantParser() {}

  static long parse(String text) {
    int length = text.length();
    if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return UNHANDLED;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return UNHANDLED;
    }
    long seconds = epochDay(year, month, day) * 86_400L;
    if (length == 10) {
      return seconds * MICROS_PER_SECOND;
    }
    if (length < 16 || text.charAt(10) != 'T' || text.charAt(13) != ':') {
      return UNHANDLED;
    }
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return UNHANDLED;
    }
    seconds += hour * 3600L + minute * 60L;
    int at = 16;
    long micros = 0;
    if (at < length && text.charAt(at) == ':') {
      int second = at + 3 <= length ? digits(text, at + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return UNHANDLED;
      }
      seconds += second;
      at += 3;
      if (at < length && text.charAt(at) == '.') {
        int start = ++at;
        long scale = 100_000L;
        while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
          micros += (text.charAt(at) - '0') * scale;
          scale /= 10;
          at++;
        }
        if (at == start || at < length && isDigit(text.charAt(at))) {
          return UNHANDLED;
        }
      }
    }
    int offsetSeconds = offsetSeconds(text, at);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return UNHANDLED;
    }
    return (seconds - offsetSeconds) * MICROS_PER_SECOND + micros;
  }

  /** Seconds east of UTC for "" (UTC), Z, ±HH:MM or ±HHmm at {@code at}; MIN_VALUE for anything else. */
  private static int offsetSeconds(String text, int at) {
    int rest = text.length() - at;
    if (rest == 0 || rest == 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    char sign = text.charAt(at);
    if (sign != '+' && sign != '-' || rest != 6 && rest != 5) {
      return Integer.MIN_VALUE;
    }
    int hours = digits(text, at + 1, 2);
    int minutesAt = rest == 6 ? at + 4 : at + 3;
    if (rest == 6 && text.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    int minutes = digits(text, minutesAt, 2);
    if (hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The non-negative number in {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
  private static long epochDay(int year, int month, int day) {
    long total = 365L * year;
    total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - 719_528L;
  }
}
