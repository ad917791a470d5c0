package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.read.HitDecoder;
import io.searchbridge.core.read.HitMetadata;
import io.searchbridge.spark.schema.ColumnSpec.Decoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes hits into rows of an {@link EsReadSchema}, streaming: values go from the parser straight
 * into the row. One instance per task; not thread-safe.
 */
public final class EsRowDecoder implements HitDecoder<InternalRow> {

  private final StructCodec root;
  private final int columnCount;
  private final int[] metadataOrdinals;
  private final DecodeContext ctx;

  EsRowDecoder(List<ColumnSpec> columns, boolean lenient, boolean emptyAsNull) {
    this.root = CodecFactory.struct("", columns, Decoding.VALUE);
    this.columnCount = columns.size();
    List<Integer> metadata = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).decoding() == Decoding.METADATA) {
        metadata.add(i);
      }
    }
    this.metadataOrdinals = metadata.stream().mapToInt(Integer::intValue).toArray();
    this.ctx = new DecodeContext(lenient, emptyAsNull);
  }

  @Override
  public InternalRow decode(HitMetadata metadata, JsonParser source) throws IOException {
    ctx.startHit(metadata);
    Object[] values = new Object[columnCount];
    if (source != null) {
      if (source.currentToken() != JsonToken.START_OBJECT) {
        throw new SearchbridgeException(
            String.format(
                "Index [%s], document [%s]: _source is not a JSON object but %s",
                metadata.index(), metadata.id(), source.currentToken()));
      }
      root.readInto(values, source, ctx);
    }
    for (int ordinal : metadataOrdinals) {
      values[ordinal] = metadataMap(metadata);
    }
    return new GenericInternalRow(values);
  }

  /**
   * Values a lenient decoder replaced by null because they did not fit their column; always 0 for
   * a strict decoder, which fails instead.
   */
  public long malformedValueCount() {
    return ctx.malformedValues();
  }

  /** ES-Hadoop's metadata map: _index, _id and, for scored searches, _score. */
  private static ArrayBasedMapData metadataMap(HitMetadata metadata) {
    List<Object> keys = new ArrayList<>(List.of(utf8("_index"), utf8("_id")));
    List<Object> values = new ArrayList<>(List.of(utf8(metadata.index()), utf8(metadata.id())));
    if (!Double.isNaN(metadata.score())) {
      keys.add(utf8("_score"));
      values.add(utf8(String.valueOf(metadata.score())));
    }
    return new ArrayBasedMapData(
        new GenericArrayData(keys.toArray()), new GenericArrayData(values.toArray()));
  }

  private static UTF8String utf8(String value) {
    return UTF8String.fromString(value);
  }
}
