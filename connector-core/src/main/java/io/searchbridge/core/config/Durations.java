package io.searchbridge.core.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ES-Hadoop's time values: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}; a bare number is milliseconds. */
final class Durations {

  static final String ALLOWED = "a non-negative duration such as 500ms, 10s, 5m, 1h, 1d or a number of milliseconds";

  private static final Pattern SYNTAX = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  private Durations() {}

  static Duration parse(String raw) {
    Matcher matcher = SYNTAX.matcher(raw.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a duration: " + raw);
    }
    ChronoUnit unit = matcher.group(2) == null ? ChronoUnit.MILLIS : UNITS.get(matcher.group(2));
    try {
      return Duration.of(Long.parseLong(matcher.group(1)), unit);
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException("duration too long: " + raw, tooLong);
    }
  }
}
