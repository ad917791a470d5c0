package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one JSON value into Spark's internal representation. Codecs are built on the executor from
 * {@link ColumnSpec}s, so they may hold non-serializable helpers such as formatters.
 */
interface ValueCodec {

  /**
   * @param p positioned on the first token of the value; left on its last token
   * @return the internal value, or null
   */
  Object read(JsonParser p, DecodeContext ctx) throws IOException;

  /**
   * Reads the value into what an earlier key already produced for the same column. Only objects
   * merge ({@code {"a.b": 1, "a": {"c": 2}}}); for everything else the last value wins.
   */
  default Object update(Object current, JsonParser p, DecodeContext ctx) throws IOException {
    return read(p, ctx);
  }

  /**
   * Reads the value of a dotted key that continues below this column ({@code "a.b"} seen by the
   * parent of {@code a}, with {@code remainder} {@code "b"}). Only objects have anything below.
   */
  default Object updateBelow(Object current, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    p.skipChildren();
    return current;
  }
}
