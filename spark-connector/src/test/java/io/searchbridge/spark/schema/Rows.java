package io.searchbridge.spark.schema;

import io.searchbridge.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/** Builds Spark's internal values by hand, so encoder tests need no SparkSession. */
final class Rows {

  private Rows() {}

  static InternalRow row(Object... values) {
    return new GenericInternalRow(values);
  }

  static UTF8String s(String text) {
    return UTF8String.fromString(text);
  }

  static GenericArrayData array(Object... values) {
    return new GenericArrayData(values);
  }

  static ArrayBasedMapData map(Object[] keys, Object[] values) {
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
  }

  /** Spark's TimestampType encoding; ChronoUnit.MICROS.between would overflow beyond 292 years. */
  static long micros(String text) {
    Instant instant = Instant.parse(text);
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static int days(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }

  static Settings settings(String... keysAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Settings.of(map);
  }

  static String json(byte[] document) {
    return new String(document, StandardCharsets.UTF_8);
  }
}
