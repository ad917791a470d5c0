package io.searchbridge.spark.schema;

import org.apache.spark.sql.types.DataTypes;

/** Boolean columns: JSON booleans and the strings Elasticsearch accepts, "true" and "false". */
final class BooleanCodec extends ScalarCodec {

  BooleanCodec(String path) {
    super(path, DataTypes.BooleanType);
  }

  @Override
  protected Object fromBoolean(boolean value, DecodeContext ctx) {
    return value;
  }

  @Override
  protected Object fromString(String text, DecodeContext ctx) {
    switch (text) {
      case "true":
        return true;
      // Elasticsearch indexes "" as false; it only gets here when empty strings are not null.
      case "false":
      case "":
        return false;
      default:
        return mismatch(ctx, '"' + text + '"');
    }
  }
}
