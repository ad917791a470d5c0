package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.searchbridge.core.mapping.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark literal values as JSON values a field of a given kind accepts. A literal whose type does
 * not fit the field (Spark would have cast the column, so it would not be a plain reference) is
 * refused rather than guessed at.
 */
final class Literals {

  /**
   * The format sent with every date bound: it reads ISO-8601 with up to nanoseconds whatever the
   * mapping's own format is.
   */
  static final String DATE_FORMAT = "strict_date_optional_time_nanos";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private Literals() {}

  static Optional<Literal<?>> literal(Expression expression) {
    return expression instanceof Literal<?> literal ? Optional.of(literal) : Optional.empty();
  }

  static boolean isNull(Literal<?> literal) {
    return literal.value() == null;
  }

  /** The value as the field's term or range bound; DATE values are points in time (see below). */
  static Optional<JsonNode> value(Column column, Literal<?> literal) {
    Object value = literal.value();
    DataType type = literal.dataType();
    if (value == null) {
      return Optional.empty();
    }
    return switch (column.kind()) {
      case KEYWORD, TEXT, IP -> type instanceof StringType
          ? Optional.of(JSON.textNode(value.toString()))
          : Optional.empty();
      case NUMBER -> number(value, type);
      case BOOLEAN -> type instanceof BooleanType
          ? Optional.of(JSON.booleanNode((Boolean) value))
          : Optional.empty();
      case DATE -> timestamp(value, type, column.field().type());
      case UNSUPPORTED -> Optional.empty();
    };
  }

  /** A DateType literal: on a date field it stands for a whole UTC day. */
  static boolean isDay(Literal<?> literal) {
    return literal.dataType() instanceof DateType;
  }

  /** The start of a {@link #isDay day} literal, as an ISO string. */
  static JsonNode dayStart(Literal<?> literal) {
    return JSON.textNode(dayStart((Integer) literal.value(), 0));
  }

  /** The start of the day after a {@link #isDay day} literal: the exclusive end of its range. */
  static JsonNode nextDay(Literal<?> literal) {
    return JSON.textNode(dayStart((Integer) literal.value(), 1));
  }

  private static String dayStart(int epochDay, int plusDays) {
    return ISO.format(LocalDate.ofEpochDay(epochDay + (long) plusDays).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Optional<JsonNode> number(Object value, DataType type) {
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return Optional.of(JSON.numberNode(((Number) value).longValue()));
    }
    if (type instanceof FloatType) {
      return Optional.of(JSON.numberNode((Float) value));
    }
    if (type instanceof DoubleType) {
      return Optional.of(JSON.numberNode((Double) value));
    }
    // Decimals reach us for unsigned_long columns (decimal(20,0)); sent exactly, never rounded.
    if (type instanceof DecimalType) {
      return Optional.of(JSON.numberNode(((Decimal) value).toJavaBigDecimal()));
    }
    return Optional.empty();
  }

  /**
   * TimestampType literals are microseconds since the epoch. A `date` field keeps milliseconds, so
   * a literal with a sub-millisecond part has no exact counterpart there and is refused.
   */
  private static Optional<JsonNode> timestamp(Object value, DataType type, FieldType fieldType) {
    if (!(type instanceof TimestampType)) {
      return Optional.empty();
    }
    long micros = (Long) value;
    if (fieldType == FieldType.DATE && micros % 1000 != 0) {
      return Optional.empty();
    }
    Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    return Optional.of(JSON.textNode(ISO.format(instant)));
  }
}
