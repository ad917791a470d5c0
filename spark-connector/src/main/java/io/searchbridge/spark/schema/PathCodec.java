package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the value found at a dotted path below the current object, for alias columns: an alias is
 * not in {@code _source}, its target is. Both the object and the dotted form of the path are
 * followed.
 */
final class PathCodec implements ValueCodec {

  private final String path;
  private final ValueCodec target;

  PathCodec(String path, ValueCodec target) {
    this.path = path;
    this.target = target;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    return readAt(path, null, p, ctx);
  }

  @Override
  public Object update(Object current, JsonParser p, DecodeContext ctx) throws IOException {
    return readAt(path, current, p, ctx);
  }

  @Override
  public Object updateBelow(Object current, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    if (remainder.equals(path)) {
      return target.read(p, ctx);
    }
    if (path.startsWith(remainder + ".")) {
      return readAt(path.substring(remainder.length() + 1), current, p, ctx);
    }
    p.skipChildren();
    return current;
  }

  private Object readAt(String below, Object current, JsonParser p, DecodeContext ctx)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return current;
    }
    Object found = current;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      if (key.equals(below)) {
        found = target.read(p, ctx);
      } else if (below.startsWith(key + ".")) {
        found = readAt(below.substring(key.length() + 1), found, p, ctx);
      } else {
        p.skipChildren();
      }
    }
    return found;
  }
}
