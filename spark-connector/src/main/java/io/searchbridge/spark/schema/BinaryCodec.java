package io.searchbridge.spark.schema;

import java.util.Base64;
import org.apache.spark.sql.types.DataTypes;

/** Binary columns: {@code _source} holds the bytes Base64-encoded. */
final class BinaryCodec extends ScalarCodec {

  BinaryCodec(String path) {
    super(path, DataTypes.BinaryType);
  }

  @Override
  protected Object fromString(String text, DecodeContext ctx) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return mismatch(ctx, '"' + text + '"');
    }
  }
}
