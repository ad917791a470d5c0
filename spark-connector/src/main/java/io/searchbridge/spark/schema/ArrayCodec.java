package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.util.GenericArrayData;

/**
 * Array columns. A single value reads as a one-element array, because Elasticsearch stores a
 * field with one value and the same field with several values alike.
 */
final class ArrayCodec implements ArrayValuedCodec {

  private final ValueCodec element;

  ArrayCodec(ValueCodec element) {
    this.element = element;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      return single(element.read(p, ctx));
    }
    JsonToken first = p.nextToken();
    if (element instanceof ArrayValuedCodec arrayValued && arrayValued.startsValue(first)) {
      return single(arrayValued.readElements(p, ctx));
    }
    return readElements(p, ctx);
  }

  @Override
  public Object readElements(JsonParser p, DecodeContext ctx) throws IOException {
    List<Object> values = new ArrayList<>();
    for (JsonToken token = p.currentToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
      values.add(element.read(p, ctx));
    }
    return new GenericArrayData(values.toArray());
  }

  /** {@code ["a", "b"]} read as an array of arrays is one inner array, not two. */
  @Override
  public boolean startsValue(JsonToken firstElement) {
    return firstElement.isScalarValue();
  }

  private static GenericArrayData single(Object value) {
    return new GenericArrayData(new Object[] {value});
  }
}
