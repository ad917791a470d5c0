package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.spark.sql.types.DataType;

/**
 * The rules every single-valued column shares: null and {@code []} read as null, other arrays are
 * an error that names the fix, empty strings may read as null, and the rest goes to the typed
 * conversions of a subclass. Unsupported JSON kinds are mismatches.
 */
abstract class ScalarCodec implements ValueCodec {

  protected final String path;
  protected final DataType type;

  ScalarCodec(String path, DataType type) {
    this.path = path;
    this.type = type;
  }

  @Override
  public final Object read(JsonParser p, DecodeContext ctx) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case VALUE_NULL:
        return null;
      case START_ARRAY:
        return fromArray(p, ctx);
      case START_OBJECT:
        return fromObject(p, ctx);
      case VALUE_STRING:
        String text = p.getText();
        if (text.isEmpty() && ctx.emptyAsNull() && emptyMayBeNull()) {
          return null;
        }
        return fromString(text, ctx);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return fromNumber(p, ctx);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return fromBoolean(token == JsonToken.VALUE_TRUE, ctx);
      default:
        return mismatch(ctx, p.getText());
    }
  }

  /** Strings keep "" as a value; for every other type it can only mean "no value". */
  protected boolean emptyMayBeNull() {
    return true;
  }

  protected Object fromArray(JsonParser p, DecodeContext ctx) throws IOException {
    if (p.nextToken() == JsonToken.END_ARRAY) {
      return null;
    }
    throw ctx.arrayInScalar(path, type);
  }

  protected abstract Object fromString(String text, DecodeContext ctx);

  protected Object fromNumber(JsonParser p, DecodeContext ctx) throws IOException {
    return mismatch(ctx, p.getText());
  }

  protected Object fromBoolean(boolean value, DecodeContext ctx) {
    return mismatch(ctx, String.valueOf(value));
  }

  protected Object fromObject(JsonParser p, DecodeContext ctx) throws IOException {
    return mismatch(ctx, RawJson.text(p));
  }

  protected final Object mismatch(DecodeContext ctx, String value) {
    return ctx.mismatch(path, type, value);
  }
}
