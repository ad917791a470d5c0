package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Objects with free-form keys into maps (flattened fields, sparse vectors, rank features). With
 * {@code flatten}, inner objects contribute their keys joined with dots, the way a flattened field
 * indexes them.
 */
final class MapCodec implements ValueCodec {

  private final String path;
  private final MapType type;
  private final ValueCodec values;
  private final boolean flatten;

  MapCodec(String path, MapType type, ValueCodec values, boolean flatten) {
    this.path = path;
    this.type = type;
    this.values = values;
    this.flatten = flatten;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        List<Object> keys = new ArrayList<>();
        List<Object> mapValues = new ArrayList<>();
        collect("", p, keys, mapValues, ctx);
        return new ArrayBasedMapData(
            new GenericArrayData(keys.toArray()), new GenericArrayData(mapValues.toArray()));
      case START_ARRAY:
        if (p.nextToken() == JsonToken.END_ARRAY) {
          return null;
        }
        throw ctx.arrayInScalar(path, type);
      default:
        return ctx.mismatch(path, type, p.getText());
    }
  }

  private void collect(
      String prefix, JsonParser p, List<Object> keys, List<Object> mapValues, DecodeContext ctx)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + p.currentName();
      if (p.nextToken() == JsonToken.START_OBJECT && flatten) {
        collect(key + ".", p, keys, mapValues, ctx);
      } else {
        keys.add(UTF8String.fromString(key));
        mapValues.add(values.read(p, ctx));
      }
    }
  }
}
