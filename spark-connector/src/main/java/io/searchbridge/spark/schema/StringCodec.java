package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * String columns. Numbers and booleans keep their JSON text; objects become JSON text, because
 * they only reach a string column for opaque types (shapes, percolator queries, disabled objects,
 * unknown types). Opaque types also keep whole arrays as JSON text ({@code rawArrays}).
 */
final class StringCodec extends ScalarCodec {

  private final boolean rawArrays;

  StringCodec(String path, boolean rawArrays) {
    super(path, DataTypes.StringType);
    this.rawArrays = rawArrays;
  }

  @Override
  protected Object fromArray(JsonParser p, DecodeContext ctx) throws IOException {
    return rawArrays ? UTF8String.fromString(RawJson.text(p)) : super.fromArray(p, ctx);
  }

  @Override
  protected boolean emptyMayBeNull() {
    return false;
  }

  @Override
  protected Object fromString(String text, DecodeContext ctx) {
    return UTF8String.fromString(text);
  }

  @Override
  protected Object fromNumber(JsonParser p, DecodeContext ctx) throws IOException {
    return UTF8String.fromString(p.getText());
  }

  @Override
  protected Object fromBoolean(boolean value, DecodeContext ctx) {
    return UTF8String.fromString(String.valueOf(value));
  }

  @Override
  protected Object fromObject(JsonParser p, DecodeContext ctx) throws IOException {
    return UTF8String.fromString(RawJson.text(p));
  }
}
