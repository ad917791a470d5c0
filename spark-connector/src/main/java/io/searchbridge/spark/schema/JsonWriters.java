package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.FieldFilter;
import io.searchbridge.spark.schema.ScalarReaders.ScalarReader;
import java.io.IOException;
import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/** Chooses the {@link ValueWriter} for each Spark type, once, when the encoder is built. */
final class JsonWriters {

  /** Map entries are data, not schema: include/exclude paths cannot name them, so all are written. */
  private static final FieldFilter ALL_FIELDS = new FieldFilter(Settings.empty());

  private JsonWriters() {}

  /**
   * The writer for the field at {@code path}, or empty when include/exclude leave it out. A struct
   * (or array of structs) that an include only reaches into is kept, and its children decide.
   */
  static Optional<ValueWriter> forField(DataType type, String path, FieldFilter filter, boolean writeNulls) {
    boolean kept = filter.writesWhole(path) || holdsStructs(type) && filter.writesPartOf(path);
    return kept ? Optional.of(forType(type, path, filter, writeNulls)) : Optional.empty();
  }

  private static ValueWriter forType(DataType type, String path, FieldFilter filter, boolean writeNulls) {
    if (type instanceof StringType) {
      return JsonWriters::writeString;
    } else if (type instanceof ByteType) {
      return (json, data, ordinal) -> json.writeNumber(data.getByte(ordinal));
    } else if (type instanceof ShortType) {
      return (json, data, ordinal) -> json.writeNumber(data.getShort(ordinal));
    } else if (type instanceof IntegerType) {
      return (json, data, ordinal) -> json.writeNumber(data.getInt(ordinal));
    } else if (type instanceof LongType) {
      return (json, data, ordinal) -> json.writeNumber(data.getLong(ordinal));
    } else if (type instanceof FloatType) {
      return (json, data, ordinal) -> json.writeNumber((float) finite(data.getFloat(ordinal), path));
    } else if (type instanceof DoubleType) {
      return (json, data, ordinal) -> json.writeNumber(finite(data.getDouble(ordinal), path));
    } else if (type instanceof DecimalType decimal) {
      // Plain digits: exact, and never the "1E-7" that BigDecimal.toString gives small values.
      return (json, data, ordinal) -> json.writeNumber(
          data.getDecimal(ordinal, decimal.precision(), decimal.scale()).toJavaBigDecimal().toPlainString());
    } else if (type instanceof BooleanType) {
      return (json, data, ordinal) -> json.writeBoolean(data.getBoolean(ordinal));
    } else if (type instanceof BinaryType) {
      return (json, data, ordinal) -> json.writeBinary(data.getBinary(ordinal));
    } else if (type instanceof DateType) {
      byte[] scratch = new byte[IsoDateTimes.MAX_LENGTH];
      return (json, data, ordinal) ->
          json.writeRawUTF8String(scratch, 0, IsoDateTimes.date(data.getInt(ordinal), scratch));
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      boolean utc = type instanceof TimestampType;
      byte[] scratch = new byte[IsoDateTimes.MAX_LENGTH];
      return (json, data, ordinal) ->
          json.writeRawUTF8String(scratch, 0, IsoDateTimes.dateTime(data.getLong(ordinal), utc, scratch));
    } else if (type instanceof ArrayType array) {
      return arrayWriter(forType(array.elementType(), path, filter, writeNulls));
    } else if (type instanceof MapType map) {
      return mapWriter(map, path, writeNulls);
    } else if (type instanceof StructType struct) {
      return new StructWriter(struct, path, filter, writeNulls);
    } else if (type instanceof NullType) {
      return (json, data, ordinal) -> json.writeNull();
    }
    throw unsupported(path, type, "a column");
  }

  /** Reads the UTF-8 bytes where they lie, without decoding to a Java string and back. */
  private static void writeString(JsonGenerator json, SpecializedGetters data, int ordinal) throws IOException {
    UTF8String text = data.getUTF8String(ordinal);
    if (text.getBaseObject() instanceof byte[] bytes) {
      json.writeUTF8String(bytes, (int) (text.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), text.numBytes());
    } else {
      byte[] offHeap = text.getBytes();
      json.writeUTF8String(offHeap, 0, offHeap.length);
    }
  }

  /** Null elements stay: dropping them would shift the positions of the others. */
  private static ValueWriter arrayWriter(ValueWriter element) {
    return (json, data, ordinal) -> {
      ArrayData array = data.getArray(ordinal);
      json.writeStartArray();
      for (int i = 0; i < array.numElements(); i++) {
        if (array.isNullAt(i)) {
          json.writeNull();
        } else {
          element.write(json, array, i);
        }
      }
      json.writeEndArray();
    };
  }

  /** A map is an object whose keys are data, so null values follow the same rule as null fields. */
  private static ValueWriter mapWriter(MapType type, String path, boolean writeNulls) {
    ScalarReader key = ScalarReaders.forType(type.keyType())
        .orElseThrow(() -> unsupported(path, type.keyType(), "map keys of column"));
    ValueWriter value = forType(type.valueType(), path, ALL_FIELDS, writeNulls);
    return (json, data, ordinal) -> {
      MapData map = data.getMap(ordinal);
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      json.writeStartObject();
      for (int i = 0; i < map.numElements(); i++) {
        boolean isNull = values.isNullAt(i);
        if (!isNull || writeNulls) {
          json.writeFieldName(String.valueOf(key.read(keys, i)));
          if (isNull) {
            json.writeNull();
          } else {
            value.write(json, values, i);
          }
        }
      }
      json.writeEndObject();
    };
  }

  private static double finite(double value, String path) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new UnencodableValueException("field [" + path + "] holds " + value + ", which JSON cannot"
          + " represent; replace it (e.g. with null) before writing");
    }
    return value;
  }

  private static boolean holdsStructs(DataType type) {
    return type instanceof StructType || type instanceof ArrayType array && holdsStructs(array.elementType());
  }

  private static SearchbridgeException unsupported(String path, DataType type, String what) {
    return new SearchbridgeException("Cannot write " + what + " [" + path + "] of type " + type.simpleString()
        + " to Elasticsearch; cast it to a supported type (e.g. string) or leave it out with es.mapping.exclude");
  }
}
