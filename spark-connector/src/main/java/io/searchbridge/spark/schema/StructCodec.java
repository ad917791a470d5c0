package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Objects (and the root {@code _source}) into rows. Keys are looked up by name; a dotted key
 * ({@code "a.b"}) that names no field continues below its longest known prefix, so the dotted and
 * the object form of a document land in the same place. Unknown keys are skipped unread.
 */
final class StructCodec implements ValueCodec {

  /** Where the value of a key goes: a field ordinal and the codec that reads it. */
  record Slot(int ordinal, ValueCodec codec) {}

  private final String path;
  private final StructType type;
  private final Map<String, List<Slot>> slotsByKey;
  private final Slot scalarSlot;

  /**
   * @param slotsByKey usually one slot per key; an alias reading a field below a sibling object
   *     adds a second one
   * @param scalarSlot where a scalar value goes instead of an object (the name of a join field
   *     given as a plain string), or null
   */
  StructCodec(String path, StructType type, Map<String, List<Slot>> slotsByKey, Slot scalarSlot) {
    this.path = path;
    this.type = type;
    this.slotsByKey = Map.copyOf(slotsByKey);
    this.scalarSlot = scalarSlot;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    return update(null, p, ctx);
  }

  @Override
  public Object update(Object current, JsonParser p, DecodeContext ctx) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      GenericInternalRow row = rowOf(current);
      readInto(row.values(), p, ctx);
      return row;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.START_ARRAY) {
      if (p.nextToken() == JsonToken.END_ARRAY) {
        return null;
      }
      throw ctx.arrayInScalar(path, type);
    }
    if (scalarSlot != null) {
      GenericInternalRow row = rowOf(null);
      row.values()[scalarSlot.ordinal()] = scalarSlot.codec().read(p, ctx);
      return row;
    }
    return ctx.mismatch(path, type, p.getText());
  }

  @Override
  public Object updateBelow(Object current, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    GenericInternalRow row = rowOf(current);
    assign(row.values(), remainder, p, ctx);
    return row;
  }

  /**
   * @param p positioned on the {@code START_OBJECT}; left on its {@code END_OBJECT}
   */
  void readInto(Object[] values, JsonParser p, DecodeContext ctx) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      assign(values, key, p, ctx);
    }
  }

  private GenericInternalRow rowOf(Object current) {
    return current instanceof GenericInternalRow row
        ? row
        : new GenericInternalRow(new Object[type.size()]);
  }

  private void assign(Object[] values, String key, JsonParser p, DecodeContext ctx)
      throws IOException {
    List<Slot> slots = slotsByKey.get(key);
    if (slots != null) {
      deliver(values, slots, null, p, ctx);
      return;
    }
    for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
      List<Slot> parents = slotsByKey.get(key.substring(0, dot));
      if (parents != null) {
        deliver(values, parents, key.substring(dot + 1), p, ctx);
        return;
      }
    }
    p.skipChildren();
  }

  private static void deliver(
      Object[] values, List<Slot> slots, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    if (slots.size() == 1) {
      deliverOne(values, slots.get(0), remainder, p, ctx);
      return;
    }
    // A stream is read once; the rare key with several readers is buffered and replayed.
    TokenBuffer buffer = TokenBuffer.asCopyOfValue(p);
    for (Slot slot : slots) {
      try (JsonParser replay = buffer.asParserOnFirstToken()) {
        deliverOne(values, slot, remainder, replay, ctx);
      }
    }
  }

  private static void deliverOne(
      Object[] values, Slot slot, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    int ordinal = slot.ordinal();
    values[ordinal] =
        remainder == null
            ? slot.codec().update(values[ordinal], p, ctx)
            : slot.codec().updateBelow(values[ordinal], remainder, p, ctx);
  }
}
