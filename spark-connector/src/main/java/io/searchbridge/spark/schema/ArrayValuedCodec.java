package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A codec whose single value is itself a JSON array (a vector, a {@code [lon, lat]} point, an
 * array column). An enclosing array column needs this to tell {@code [1, 2]} (one value) from
 * {@code [[1, 2], [3, 4]]} (two values).
 */
interface ArrayValuedCodec extends ValueCodec {

  /** Whether an array starting with this element is one value of this codec. */
  boolean startsValue(JsonToken firstElement);

  /**
   * @param p positioned on the first element of the array (its {@code START_ARRAY} consumed), or on
   *     its {@code END_ARRAY}; left on the {@code END_ARRAY}
   */
  Object readElements(JsonParser p, DecodeContext ctx) throws IOException;
}
