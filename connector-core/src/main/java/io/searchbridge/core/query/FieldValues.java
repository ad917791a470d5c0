package io.searchbridge.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.searchbridge.core.mapping.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Literal values as the JSON values a field of a given kind accepts in term and range queries. A
 * value whose type does not fit the field (the engine would have cast the column, so it would not
 * be a plain reference) is refused rather than guessed at.
 */
public final class FieldValues {

  /**
   * The format sent with every date bound: it reads ISO-8601 with up to nanoseconds whatever the
   * mapping's own format is.
   */
  public static final String DATE_FORMAT = "strict_date_optional_time_nanos";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
  /**
   * Always three fractional digits: Elasticsearch fills the fields a date bound leaves out with
   * their maximum for lte and gt, so "00:00:00Z" as lte would match up to 00:00:00.999.
   */
  private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  private FieldValues() {}

  /** The value as the field's term or range bound; days are ranges, not values (see below). */
  public static Optional<JsonNode> json(QueryableField field, Value value) {
    return switch (field.kind()) {
      case KEYWORD, TEXT, IP -> value instanceof Value.Text text ? Optional.of(JSON.textNode(text.value())) : Optional.empty();
      case NUMBER -> number(value);
      case BOOLEAN -> value instanceof Value.Bool bool ? Optional.of(JSON.booleanNode(bool.value())) : Optional.empty();
      case DATE -> value instanceof Value.Timestamp ts ? timestamp(ts.micros(), field.field().type()) : Optional.empty();
      case UNSUPPORTED -> Optional.empty();
    };
  }

  /** The start of a day, as an ISO string. */
  public static JsonNode dayStart(Value.Day day) {
    return JSON.textNode(dayStart(day.epochDay(), 0));
  }

  /** The start of the next day: the exclusive end of a day's range. */
  public static JsonNode nextDay(Value.Day day) {
    return JSON.textNode(dayStart(day.epochDay(), 1));
  }

  private static String dayStart(long epochDay, int plusDays) {
    return ISO.format(LocalDate.ofEpochDay(epochDay + plusDays).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Optional<JsonNode> number(Value value) {
    if (value instanceof Value.Whole whole) {
      return Optional.of(JSON.numberNode(whole.value()));
    }
    if (value instanceof Value.Float32 f) {
      return Optional.of(JSON.numberNode(f.value()));
    }
    if (value instanceof Value.Float64 d) {
      return Optional.of(JSON.numberNode(d.value()));
    }
    return value instanceof Value.Decimal decimal ? Optional.of(JSON.numberNode(decimal.value())) : Optional.empty();
  }

  /**
   * A point in time with every digit it has, so that no bound is rounded. A `date` field keeps
   * milliseconds, so a timestamp with a sub-millisecond part has no exact counterpart there and is
   * refused.
   */
  private static Optional<JsonNode> timestamp(long micros, FieldType fieldType) {
    if (fieldType == FieldType.DATE && micros % 1000 != 0) {
      return Optional.empty();
    }
    Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    // ISO_INSTANT writes as many digits as the value needs: six for microseconds, none for whole seconds.
    return Optional.of(JSON.textNode((micros % 1000 == 0 ? ISO_MILLIS : ISO).format(instant)));
  }
}
