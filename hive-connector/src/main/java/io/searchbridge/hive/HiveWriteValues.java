package io.searchbridge.hive;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.apache.hadoop.hive.serde2.objectinspector.ListObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.MapObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.StructField;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;

/**
 * Turns a Hive value, read through its object inspector, into plain Java for the core's JSON
 * encoder: structs and maps become objects (null struct fields are left out), arrays lists,
 * DECIMAL an exact JSON number, DATE {@code yyyy-MM-dd}, TIMESTAMP ISO-8601 without zone, BINARY
 * base64 (Elasticsearch's binary type), CHAR without its padding.
 */
final class HiveWriteValues {

  private HiveWriteValues() {}

  static Object convert(Object value, ObjectInspector inspector, String field) {
    if (value == null) {
      return null;
    }
    return switch (inspector.getCategory()) {
      case PRIMITIVE -> primitive(((PrimitiveObjectInspector) inspector).getPrimitiveJavaObject(value));
      case LIST -> list(value, (ListObjectInspector) inspector, field);
      case MAP -> map(value, (MapObjectInspector) inspector, field);
      case STRUCT -> struct(value, (StructObjectInspector) inspector, field);
      default -> throw new HiveValueException(field, TypeInfoUtils.getTypeInfoFromObjectInspector(inspector), value,
          "Hive type not supported by the Elasticsearch SerDe");
    };
  }

  private static Object primitive(Object value) {
    if (value instanceof HiveVarchar varchar) {
      return varchar.getValue();
    }
    if (value instanceof HiveChar hiveChar) {
      return hiveChar.getStrippedValue();
    }
    if (value instanceof HiveDecimal decimal) {
      return decimal.bigDecimalValue();
    }
    if (value instanceof Date date) {
      return date.toString();
    }
    if (value instanceof Timestamp timestamp) {
      return LocalDateTime.ofEpochSecond(timestamp.toEpochSecond(), timestamp.getNanos(), ZoneOffset.UTC).toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return value;
  }

  private static List<Object> list(Object value, ListObjectInspector inspector, String field) {
    List<?> elements = inspector.getList(value);
    List<Object> result = new ArrayList<>(elements.size());
    for (Object element : elements) {
      result.add(convert(element, inspector.getListElementObjectInspector(), field));
    }
    return result;
  }

  /** JSON object keys are strings: a key is written as the text of its value. */
  private static Map<String, Object> map(Object value, MapObjectInspector inspector, String field) {
    Map<String, Object> result = new LinkedHashMap<>();
    inspector.getMap(value).forEach((key, element) -> {
      String name = String.valueOf(convert(key, inspector.getMapKeyObjectInspector(), field));
      result.put(name, convert(element, inspector.getMapValueObjectInspector(), field + "." + name));
    });
    return result;
  }

  static Map<String, Object> struct(Object value, StructObjectInspector inspector, String field) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (StructField child : inspector.getAllStructFieldRefs()) {
      String path = field.isEmpty() ? child.getFieldName() : field + "." + child.getFieldName();
      Object converted = convert(inspector.getStructFieldData(value, child), child.getFieldObjectInspector(), path);
      if (converted != null) {
        result.put(child.getFieldName(), converted);
      }
    }
    return result;
  }
}
