package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * An ip_range: the object form goes to the bounds' struct codec; a CIDR block ({@code
 * "10.0.0.0/8"}), which Elasticsearch also accepts, becomes {@code gte} its first and {@code lte}
 * its last address, the range Elasticsearch indexes for it.
 */
final class IpRangeCodec implements ValueCodec {

  private final String path;
  private final StructType type;
  private final StructCodec bounds;

  IpRangeCodec(String path, StructType type, StructCodec bounds) {
    this.path = path;
    this.type = type;
    this.bounds = bounds;
  }

  @Override
  public Object read(JsonParser p, DecodeContext ctx) throws IOException {
    return update(null, p, ctx);
  }

  @Override
  public Object update(Object current, JsonParser p, DecodeContext ctx) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return bounds.update(current, p, ctx);
    }
    String text = p.getText();
    byte[][] range = cidr(text);
    if (range == null) {
      return ctx.mismatch(path, type, text);
    }
    GenericInternalRow row = new GenericInternalRow(new Object[type.size()]);
    set(row, "gte", range[0]);
    set(row, "lte", range[1]);
    return row;
  }

  @Override
  public Object updateBelow(Object current, String remainder, JsonParser p, DecodeContext ctx)
      throws IOException {
    return bounds.updateBelow(current, remainder, p, ctx);
  }

  private void set(GenericInternalRow row, String bound, byte[] address) throws UnknownHostException {
    if (type.getFieldIndex(bound).isDefined()) {
      row.values()[type.fieldIndex(bound)] =
          UTF8String.fromString(InetAddress.getByAddress(address).getHostAddress());
    }
  }

  /** The first and last address of {@code text}, or null when it is no CIDR block. */
  static byte[][] cidr(String text) {
    int slash = text.indexOf('/');
    // Only IP literals: anything else would make InetAddress look a host name up.
    if (slash <= 0 || !text.substring(0, slash).matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    try {
      byte[] first = InetAddress.getByName(text.substring(0, slash)).getAddress();
      int prefix = Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > first.length * 8) {
        return null;
      }
      byte[] last = first.clone();
      for (int bit = prefix; bit < first.length * 8; bit++) {
        int mask = 0x80 >>> (bit % 8);
        first[bit / 8] &= (byte) ~mask;
        last[bit / 8] |= (byte) mask;
      }
      return new byte[][] {first, last};
    } catch (UnknownHostException | NumberFormatException e) {
      return null;
    }
  }
}
