package io.searchbridge.spark.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Reads single Spark values as the plain Java values engine-free code expects (see
 * {@link io.searchbridge.core.write.DocumentFields}). Used for metadata, index names and map keys,
 * where a value becomes text anyway; the JSON body never goes through here.
 */
final class ScalarReaders {

  @FunctionalInterface
  interface ScalarReader {
    Object read(SpecializedGetters data, int ordinal);
  }

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private ScalarReaders() {}

  /** Empty for types that hold more than one value (struct, array, map) or no readable text (binary). */
  static Optional<ScalarReader> forType(DataType type) {
    if (type instanceof StringType) {
      return Optional.of((data, ordinal) -> data.getUTF8String(ordinal).toString());
    } else if (type instanceof ByteType) {
      return Optional.of((data, ordinal) -> (long) data.getByte(ordinal));
    } else if (type instanceof ShortType) {
      return Optional.of((data, ordinal) -> (long) data.getShort(ordinal));
    } else if (type instanceof IntegerType) {
      return Optional.of((data, ordinal) -> (long) data.getInt(ordinal));
    } else if (type instanceof LongType) {
      return Optional.of(SpecializedGetters::getLong);
    } else if (type instanceof FloatType) {
      // Via the float's own shortest digits: widening 1.1f directly gives 1.100000023841858.
      return Optional.of((data, ordinal) -> Double.parseDouble(Float.toString(data.getFloat(ordinal))));
    } else if (type instanceof DoubleType) {
      return Optional.of(SpecializedGetters::getDouble);
    } else if (type instanceof DecimalType decimal) {
      return Optional.of((data, ordinal) ->
          data.getDecimal(ordinal, decimal.precision(), decimal.scale()).toJavaBigDecimal());
    } else if (type instanceof BooleanType) {
      return Optional.of(SpecializedGetters::getBoolean);
    } else if (type instanceof DateType) {
      return Optional.of((data, ordinal) -> LocalDate.ofEpochDay(data.getInt(ordinal)));
    } else if (type instanceof TimestampType) {
      return Optional.of((data, ordinal) -> instant(data.getLong(ordinal)));
    } else if (type instanceof TimestampNTZType) {
      return Optional.of((data, ordinal) -> LocalDateTime.ofInstant(instant(data.getLong(ordinal)), ZoneOffset.UTC));
    } else if (type instanceof NullType) {
      return Optional.of((data, ordinal) -> null);
    }
    return Optional.empty();
  }

  private static Instant instant(long epochMicros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, MICROS_PER_SECOND), Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1000);
  }
}
