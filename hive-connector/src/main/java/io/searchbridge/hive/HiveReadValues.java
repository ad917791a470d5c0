package io.searchbridge.hive;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.searchbridge.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.Date;
import org.apache.hadoop.hive.common.type.HiveChar;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.common.type.HiveVarchar;
import org.apache.hadoop.hive.common.type.Timestamp;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector.PrimitiveCategory;
import org.apache.hadoop.hive.serde2.typeinfo.CharTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.DecimalTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.ListTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.MapTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.PrimitiveTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.StructTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;
import org.apache.hadoop.hive.serde2.typeinfo.VarcharTypeInfo;

/**
 * Turns a {@code _source} value (string, number, boolean, list or map, as JSON parsing gives them)
 * into the Java object Hive's standard Java object inspector expects for a column type. Dates and
 * timestamps accept epoch milliseconds and ISO-8601 strings; timestamps with an offset are read in
 * UTC, since Hive's TIMESTAMP has no zone. A single value read into an ARRAY column becomes a
 * one-element array, as Elasticsearch does not tell a value from an array of one.
 */
final class HiveReadValues {

  private HiveReadValues() {}

  /** @param field the Elasticsearch field, for error messages */
  static Object convert(Object value, TypeInfo type, String field) {
    if (value == null) {
      return null;
    }
    try {
      return switch (type.getCategory()) {
        case PRIMITIVE -> primitive(value, (PrimitiveTypeInfo) type, field);
        case LIST -> list(value, (ListTypeInfo) type, field);
        case MAP -> map(value, (MapTypeInfo) type, field);
        case STRUCT -> struct(value, (StructTypeInfo) type, field);
        default -> throw new HiveValueException(field, type, value, "Hive type not supported by the Elasticsearch SerDe");
      };
    } catch (DateTimeParseException | ArithmeticException | IllegalArgumentException e) {
      throw new HiveValueException(field, type, value, e.getMessage());
    }
  }

  private static Object primitive(Object value, PrimitiveTypeInfo type, String field) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (type.getPrimitiveCategory() == PrimitiveCategory.STRING) {
        return json(value, field);
      }
      throw new HiveValueException(field, type, value, "an object or array needs a STRING, ARRAY, MAP or STRUCT column");
    }
    return switch (type.getPrimitiveCategory()) {
      case STRING -> value.toString();
      case VARCHAR -> new HiveVarchar(value.toString(), ((VarcharTypeInfo) type).getLength());
      case CHAR -> new HiveChar(value.toString(), ((CharTypeInfo) type).getLength());
      case BOOLEAN -> value instanceof Boolean b ? b : parseBoolean(value.toString());
      case BYTE -> (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> value instanceof Number n ? n.floatValue() : Float.parseFloat(value.toString());
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
      case DECIMAL -> decimal(value, (DecimalTypeInfo) type, field);
      case DATE -> value instanceof Number n ? Date.ofEpochMilli(n.longValue()) : Date.ofEpochDay((int) date(value.toString()).toEpochDay());
      case TIMESTAMP -> value instanceof Number n ? Timestamp.ofEpochMilli(n.longValue()) : timestamp(value.toString());
      case BINARY -> Base64.getDecoder().decode(value.toString());
      default -> throw new HiveValueException(field, type, value, "Hive type not supported by the Elasticsearch SerDe");
    };
  }

  private static String json(Object value, String field) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new HiveValueException(field, TypeInfoFactory.stringTypeInfo, value, e.getMessage());
    }
  }

  private static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static long integral(Object value, long min, long max) {
    BigDecimal exact = new BigDecimal(value.toString());
    BigInteger whole = exact.toBigIntegerExact();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ArithmeticException("out of range [" + min + ", " + max + "]");
    }
    return whole.longValue();
  }

  private static HiveDecimal decimal(Object value, DecimalTypeInfo type, String field) {
    HiveDecimal decimal = HiveDecimal.enforcePrecisionScale(HiveDecimal.create(new BigDecimal(value.toString())),
        type.getPrecision(), type.getScale());
    if (decimal == null) {
      throw new HiveValueException(field, type, value, "does not fit the precision");
    }
    return decimal;
  }

  private static LocalDate date(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.length() == 10 ? text + "T00:00:00" : text,
        java.time.OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof java.time.OffsetDateTime offset ? offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
        : ((LocalDateTime) parsed).toLocalDate();
  }

  private static Timestamp timestamp(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.length() == 10 ? text + "T00:00:00" : text,
        Instant::from, LocalDateTime::from);
    LocalDateTime local = parsed instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : (LocalDateTime) parsed;
    return Timestamp.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC), local.getNano());
  }

  private static List<Object> list(Object value, ListTypeInfo type, String field) {
    List<?> values = value instanceof List<?> list ? list : List.of(value);
    List<Object> result = new ArrayList<>(values.size());
    for (Object element : values) {
      result.add(convert(element, type.getListElementTypeInfo(), field));
    }
    return result;
  }

  private static Map<Object, Object> map(Object value, MapTypeInfo type, String field) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new HiveValueException(field, type, value, "a MAP column needs an object");
    }
    Map<Object, Object> result = new LinkedHashMap<>();
    map.forEach((key, element) -> result.put(convert(key, type.getMapKeyTypeInfo(), field),
        convert(element, type.getMapValueTypeInfo(), field + "." + key)));
    return result;
  }

  /** Hive's standard struct: the values in the order of the struct's fields. */
  private static List<Object> struct(Object value, StructTypeInfo type, String field) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new HiveValueException(field, type, value, "a STRUCT column needs an object");
    }
    List<String> names = type.getAllStructFieldNames();
    List<Object> result = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      result.add(convert(SourceFields.entry(map, name), type.getAllStructFieldTypeInfos().get(i), field + "." + name));
    }
    return result;
  }
}
