package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Timestamp (microseconds since the epoch) and date (days since the epoch) columns, read with the
 * mapping's date formats.
 */
final class TimestampCodec extends ScalarCodec {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final DateFormats formats;

  TimestampCodec(String path, DataType type, String format) {
    super(path, type);
    this.formats = DateFormats.of(format);
  }

  @Override
  protected Object fromNumber(JsonParser p, DecodeContext ctx) throws IOException {
    try {
      return convert(formats.fromNumber(p.getDecimalValue()));
    } catch (ArithmeticException e) {
      return mismatch(ctx, p.getText());
    }
  }

  @Override
  protected Object fromString(String text, DecodeContext ctx) {
    try {
      return convert(formats.fromString(text));
    } catch (IllegalArgumentException e) {
      return mismatch(ctx, '"' + text + '"');
    }
  }

  private Object convert(long micros) {
    // Not a conditional expression: it would widen the Integer for DateType to a Long.
    if (type == DataTypes.DateType) {
      return (int) Math.floorDiv(micros, MICROS_PER_DAY);
    }
    return micros;
  }
}
