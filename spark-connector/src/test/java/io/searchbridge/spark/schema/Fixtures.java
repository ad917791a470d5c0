package io.searchbridge.spark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.read.HitDecoder;
import io.searchbridge.core.read.HitMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Tests write mappings and documents as JSON, and compare decoded rows as plain Java values
 * (structs as maps by field name, arrays as lists, UTF8String as String, Decimal as BigDecimal).
 */
final class Fixtures {

  static final String INDEX = "logs-1";
  static final String ID = "doc-7";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private Fixtures() {}

  static ResolvedMapping mapping(String propertiesJson) {
    return mappings("{\"properties\": " + propertiesJson + "}");
  }

  /** From the value of an index's "mappings" key (properties, runtime, ...). */
  static ResolvedMapping mappings(String mappingsJson) {
    try {
      return MappingMerger.merge(List.of(MappingParser.parse(INDEX, MAPPER.readTree(mappingsJson))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Settings settings(String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return Settings.of(raw);
  }

  static EsReadSchema infer(String propertiesJson, String... settings) {
    return EsReadSchema.infer(mapping(propertiesJson), settings(settings));
  }

  /** Decodes and checks that the decoder consumed exactly the _source object. */
  static InternalRow decodeRow(HitDecoder<InternalRow> decoder, String sourceJson) {
    try (JsonParser parser = FACTORY.createParser(sourceJson)) {
      parser.nextToken();
      InternalRow row = decoder.decode(new HitMetadata(INDEX, ID, Double.NaN), parser);
      assertThat(parser.nextToken()).as("tokens after _source").isNull();
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> decode(EsReadSchema schema, String sourceJson) {
    return toJava(decodeRow(schema.decoder(), sourceJson), schema.sparkSchema());
  }

  /** A map from alternating keys and values, null values allowed (unlike Map.of). */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Map<String, Object> toJava(InternalRow row, StructType type) {
    Map<String, Object> values = new LinkedHashMap<>();
    StructField[] fields = type.fields();
    for (int i = 0; i < fields.length; i++) {
      DataType fieldType = fields[i].dataType();
      values.put(fields[i].name(), row.isNullAt(i) ? null : toJava(row.get(i, fieldType), fieldType));
    }
    return values;
  }

  private static Object toJava(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType struct) {
      return toJava((InternalRow) value, struct);
    }
    if (type instanceof ArrayType array) {
      return list((ArrayData) value, array.elementType());
    }
    if (type instanceof MapType map) {
      MapData data = (MapData) value;
      List<Object> keys = list(data.keyArray(), map.keyType());
      List<Object> values = list(data.valueArray(), map.valueType());
      Map<Object, Object> result = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        result.put(keys.get(i), values.get(i));
      }
      return result;
    }
    if (value instanceof UTF8String utf8) {
      return utf8.toString();
    }
    if (value instanceof Decimal decimal) {
      return decimal.toJavaBigDecimal();
    }
    return value;
  }

  private static List<Object> list(ArrayData data, DataType elementType) {
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < data.numElements(); i++) {
      list.add(data.isNullAt(i) ? null : toJava(data.get(i, elementType), elementType));
    }
    return list;
  }
}
