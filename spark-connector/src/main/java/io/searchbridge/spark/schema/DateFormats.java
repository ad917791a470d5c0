package io.searchbridge.spark.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mapping's date {@code format} ({@code "a||b"} alternatives, tried in order) turned into a
 * parser to Spark's microseconds since the epoch. Strings without a zone are UTC, as Elasticsearch
 * reads them. Nanosecond values ({@code date_nanos}) are truncated to microseconds, Spark's
 * precision.
 *
 * <p>The named ISO formats all share one permissive ISO parser: the values were validated against
 * the exact format when Elasticsearch indexed them, so the reader only has to read them correctly.
 */
final class DateFormats {

  /** Elasticsearch's format when the mapping names none. */
  static final String DEFAULT = "strict_date_optional_time||epoch_millis";

  private static final Set<String> ISO_NAMES =
      Set.of(
          "date_optional_time",
          "date_time",
          "date_time_no_millis",
          "date",
          "date_hour",
          "date_hour_minute",
          "date_hour_minute_second",
          "date_hour_minute_second_millis",
          "date_hour_minute_second_fraction",
          "year_month_day",
          "year_month",
          "year",
          "iso8601",
          "strict_date_optional_time_nanos");

  private static final Set<String> BASIC_NAMES =
      Set.of("basic_date", "basic_date_time", "basic_date_time_no_millis");

  private static final Pattern NAMED_FORMAT = Pattern.compile("[a-z0-9_]+");

  private static final DateTimeFormatter ISO = iso();
  private static final DateTimeFormatter BASIC = basic();

  /** One alternative: an epoch unit (millis or seconds) or a formatter. */
  private record Alternative(long epochMicrosPerUnit, DateTimeFormatter formatter) {}

  private final List<Alternative> alternatives;
  private final long numberMicrosPerUnit;

  private DateFormats(List<Alternative> alternatives) {
    this.alternatives = alternatives;
    // Elasticsearch reads a JSON number with the first epoch format, or as millis without one.
    this.numberMicrosPerUnit =
        alternatives.stream()
            .mapToLong(Alternative::epochMicrosPerUnit)
            .filter(unit -> unit > 0)
            .findFirst()
            .orElse(1000L);
  }

  /**
   * @throws IllegalArgumentException naming the alternative that is neither a known name nor a
   *     valid java.time pattern
   */
  static DateFormats of(String format) {
    String spec = format == null || format.isBlank() ? DEFAULT : format;
    List<Alternative> alternatives = new ArrayList<>();
    for (String alternative : spec.split("\\|\\|")) {
      alternatives.add(alternative(alternative.trim()));
    }
    return new DateFormats(List.copyOf(alternatives));
  }

  /**
   * The first alternative that looks like an Elasticsearch format name this class does not know
   * (week or ordinal dates, times of day): it is read as ISO, which the caller should warn about.
   */
  static Optional<String> unknownName(String format) {
    String spec = format == null || format.isBlank() ? DEFAULT : format;
    for (String alternative : spec.split("\\|\\|")) {
      String name = stripStrict(alternative.trim());
      if (NAMED_FORMAT.matcher(name).matches()
          && !ISO_NAMES.contains(name)
          && !BASIC_NAMES.contains(name)
          && !name.startsWith("epoch_")) {
        return Optional.of(alternative.trim());
      }
    }
    return Optional.empty();
  }

  private static Alternative alternative(String name) {
    String plain = stripStrict(name);
    switch (plain) {
      case "epoch_millis":
        return new Alternative(1000L, null);
      case "epoch_second":
        return new Alternative(1_000_000L, null);
      default:
        if (BASIC_NAMES.contains(plain)) {
          return new Alternative(0, BASIC);
        }
        // Unknown names fall back to ISO (see unknownName): a pattern never looks like a name.
        if (NAMED_FORMAT.matcher(plain).matches()) {
          return new Alternative(0, ISO);
        }
        return new Alternative(0, pattern(name));
    }
  }

  private static String stripStrict(String name) {
    return name.startsWith("strict_") ? name.substring("strict_".length()) : name;
  }

  /** Microseconds for a JSON number. */
  long fromNumber(BigDecimal value) {
    return toMicros(value, numberMicrosPerUnit);
  }

  /**
   * Microseconds for a string, trying each alternative in order.
   *
   * @throws IllegalArgumentException when no alternative reads it
   */
  long fromString(String text) {
    for (Alternative alternative : alternatives) {
      try {
        if (alternative.formatter() == null) {
          return toMicros(new BigDecimal(text.trim()), alternative.epochMicrosPerUnit());
        }
        if (alternative.formatter() == ISO) {
          long micros = IsoInstantParser.parse(text);
          if (micros != IsoInstantParser.UNHANDLED) {
            return micros;
          }
        }
        return toMicros(alternative.formatter().parse(text));
      } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
        // try the next alternative
      }
    }
    throw new IllegalArgumentException(text);
  }

  private static long toMicros(BigDecimal epochValue, long microsPerUnit) {
    return epochValue
        .multiply(BigDecimal.valueOf(microsPerUnit))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }

  private static long toMicros(TemporalAccessor parsed) {
    Instant instant =
        parsed.isSupported(ChronoField.INSTANT_SECONDS)
            ? Instant.from(parsed)
            : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
  }

  private static DateTimeFormatter pattern(String pattern) {
    return withDefaults(new DateTimeFormatterBuilder().appendPattern(pattern));
  }

  /** {@code yyyy[-MM[-dd[THH[:mm[:ss[.fraction]]][offset]]]]}, like strict_date_optional_time. */
  private static DateTimeFormatter iso() {
    DateTimeFormatterBuilder builder =
        new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd();
    // Defaults only apply outside optional sections: close the time, day and month sections.
    return withDefaults(offset(builder).optionalEnd().optionalEnd().optionalEnd());
  }

  /** {@code yyyyMMdd['T'HHmmss[.fraction][offset]]}, like basic_date and basic_date_time. */
  private static DateTimeFormatter basic() {
    DateTimeFormatterBuilder builder =
        new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd();
    return withDefaults(offset(builder).optionalEnd());
  }

  /** Z, +01:00, +0100 or +01, each optional. */
  private static DateTimeFormatterBuilder offset(DateTimeFormatterBuilder builder) {
    return builder
        .optionalStart()
        .appendOffset("+HH:MM", "Z")
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HHmm", "Z")
        .optionalEnd();
  }

  private static DateTimeFormatter withDefaults(DateTimeFormatterBuilder builder) {
    return builder
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
        .toFormatter(Locale.ROOT);
  }
}
