package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;

/**
 * Numeric columns. Accepts JSON numbers and numeric strings, as Elasticsearch's {@code coerce}
 * does; fractions read into integral columns are truncated toward zero, which is what
 * Elasticsearch indexed. Values outside the column's range are mismatches, never wrapped.
 */
final class NumberCodec extends ScalarCodec {

  private enum Width {
    BYTE(Byte.MIN_VALUE, Byte.MAX_VALUE),
    SHORT(Short.MIN_VALUE, Short.MAX_VALUE),
    INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
    LONG(Long.MIN_VALUE, Long.MAX_VALUE),
    FLOAT(0, 0),
    DOUBLE(0, 0),
    DECIMAL(0, 0);

    final long min;
    final long max;

    Width(long min, long max) {
      this.min = min;
      this.max = max;
    }
  }

  private final Width width;

  NumberCodec(String path, DataType type) {
    super(path, type);
    this.width = widthOf(type);
  }

  static boolean supports(DataType type) {
    return type instanceof DecimalType
        || type == DataTypes.ByteType
        || type == DataTypes.ShortType
        || type == DataTypes.IntegerType
        || type == DataTypes.LongType
        || type == DataTypes.FloatType
        || type == DataTypes.DoubleType;
  }

  private static Width widthOf(DataType type) {
    if (type instanceof DecimalType) {
      return Width.DECIMAL;
    }
    if (type == DataTypes.ByteType) {
      return Width.BYTE;
    }
    if (type == DataTypes.ShortType) {
      return Width.SHORT;
    }
    if (type == DataTypes.IntegerType) {
      return Width.INT;
    }
    if (type == DataTypes.LongType) {
      return Width.LONG;
    }
    return type == DataTypes.FloatType ? Width.FLOAT : Width.DOUBLE;
  }

  @Override
  protected Object fromNumber(JsonParser p, DecodeContext ctx) throws IOException {
    switch (width) {
      case DOUBLE:
        return p.getDoubleValue();
      case FLOAT:
        return p.getFloatValue();
      default:
        boolean fitsLong =
            p.currentToken() == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        return fitsLong && width != Width.DECIMAL
            ? integral(p.getLongValue(), p.getText(), ctx)
            : exact(p.getDecimalValue(), p.getText(), ctx);
    }
  }

  @Override
  protected Object fromString(String text, DecodeContext ctx) {
    String trimmed = text.trim();
    try {
      switch (width) {
        case DOUBLE:
          return Double.parseDouble(trimmed);
        case FLOAT:
          return Float.parseFloat(trimmed);
        default:
          return exact(new BigDecimal(trimmed), text, ctx);
      }
    } catch (NumberFormatException e) {
      return mismatch(ctx, '"' + text + '"');
    }
  }

  private Object exact(BigDecimal value, String text, DecodeContext ctx) {
    if (width == Width.DECIMAL) {
      DecimalType decimalType = (DecimalType) type;
      Decimal decimal = Decimal.apply(value.setScale(decimalType.scale(), RoundingMode.DOWN));
      return decimal.changePrecision(decimalType.precision(), decimalType.scale())
          ? decimal
          : mismatch(ctx, text);
    }
    BigDecimal truncated = value.setScale(0, RoundingMode.DOWN);
    try {
      return integral(truncated.longValueExact(), text, ctx);
    } catch (ArithmeticException e) {
      return mismatch(ctx, text);
    }
  }

  private Object integral(long value, String text, DecodeContext ctx) {
    if (value < width.min || value > width.max) {
      return mismatch(ctx, text);
    }
    switch (width) {
      case BYTE:
        return (byte) value;
      case SHORT:
        return (short) value;
      case INT:
        return (int) value;
      default:
        return value;
    }
  }
}
