package io.searchbridge.spark.schema;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.read.HitMetadata;
import org.apache.spark.sql.types.DataType;

/**
 * Per-task decoding state: the hit being decoded (for messages), the reading options and the
 * count of values that lenient mode replaced by null.
 */
final class DecodeContext {

  private static final int MAX_VALUE_CHARS = 100;

  private final boolean lenient;
  private final boolean emptyAsNull;
  private HitMetadata hit;
  private long malformedValues;

  DecodeContext(boolean lenient, boolean emptyAsNull) {
    this.lenient = lenient;
    this.emptyAsNull = emptyAsNull;
  }

  void startHit(HitMetadata hit) {
    this.hit = hit;
  }

  boolean emptyAsNull() {
    return emptyAsNull;
  }

  long malformedValues() {
    return malformedValues;
  }

  /**
   * A value that does not fit its column: fails, or in lenient mode becomes null (the return value,
   * so that codecs can write {@code return ctx.mismatch(...)}) and is counted.
   */
  Object mismatch(String path, DataType expected, String value) {
    if (lenient) {
      malformedValues++;
      return null;
    }
    throw new SearchbridgeException(
        String.format(
            "Index [%s], document [%s]: field [%s] holds %s, which cannot be read as %s; fix the"
                + " data, declare the column with a matching type, or read leniently",
            hit.index(), hit.id(), path, abbreviate(value), expected.simpleString()));
  }

  /**
   * Never lenient: silently dropping whole arrays would hide a schema that is wrong for every
   * document, and the setting named in the message fixes it.
   */
  SearchbridgeException arrayInScalar(String path, DataType expected) {
    return new SearchbridgeException(
        String.format(
            "Index [%s], document [%s]: field [%s] holds an array but is read as %s;"
                + " Elasticsearch mappings do not say which fields hold arrays, so declare it with"
                + " es.read.field.as.array.include=%s",
            hit.index(), hit.id(), path, expected.simpleString(), path));
  }

  private static String abbreviate(String value) {
    return value.length() <= MAX_VALUE_CHARS
        ? value
        : value.substring(0, MAX_VALUE_CHARS) + "...(" + value.length() + " chars)";
  }
}
