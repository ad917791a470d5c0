package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns the date-like values engines hand over into one UTC date-time, so an index-name format
 * gives the same day whatever the value's kind or the JVM's time zone.
 */
final class DateValues {

  private DateValues() {}

  static String format(Object value, DateTimeFormatter format, String field, String pattern, long position) {
    ZonedDateTime utc = toUtc(value);
    if (utc == null) {
      throw new SearchbridgeException("Field [" + field + "] of document at position " + position + " holds ["
          + value + "] (" + value.getClass().getSimpleName() + "), which index name pattern [" + pattern
          + "] must format as a date; expected a timestamp, a date, epoch milliseconds or an ISO-8601 string");
    }
    return format.format(utc);
  }

  /** Null when the value is no date; a local date-time or date counts as UTC. */
  private static ZonedDateTime toUtc(Object value) {
    if (value instanceof Instant instant) {
      return instant.atZone(ZoneOffset.UTC);
    } else if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDateTime local) {
      return local.atZone(ZoneOffset.UTC);
    } else if (value instanceof LocalDate date) {
      return date.atStartOfDay(ZoneOffset.UTC);
    } else if (value instanceof Long || value instanceof Integer) {
      return Instant.ofEpochMilli(((Number) value).longValue()).atZone(ZoneOffset.UTC);
    } else if (value instanceof CharSequence text) {
      return parseIso(text.toString());
    }
    return null;
  }

  private static ZonedDateTime parseIso(String text) {
    try {
      return toUtc(DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from));
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
