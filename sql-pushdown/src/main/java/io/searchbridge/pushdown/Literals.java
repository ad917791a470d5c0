package io.searchbridge.pushdown;

import io.searchbridge.core.query.Value;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark literals as core's {@link Value}s, in Spark's internal representation: strings are
 * UTF8String, timestamps microseconds since the epoch, dates days since the epoch. Other types
 * (TIMESTAMP_NTZ, intervals, binary ...) have no value: they are not pushed.
 */
final class Literals {

  private Literals() {}

  static Optional<Literal<?>> literal(Expression expression) {
    return expression instanceof Literal<?> literal ? Optional.of(literal) : Optional.empty();
  }

  static boolean isNull(Literal<?> literal) {
    return literal.value() == null;
  }

  static Optional<Value> value(Literal<?> literal) {
    Object value = literal.value();
    DataType type = literal.dataType();
    if (value == null) {
      return Optional.empty();
    }
    if (type instanceof StringType) {
      return Optional.of(new Value.Text(value.toString()));
    }
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return Optional.of(new Value.Whole(((Number) value).longValue()));
    }
    if (type instanceof FloatType) {
      return Optional.of(new Value.Float32((Float) value));
    }
    if (type instanceof DoubleType) {
      return Optional.of(new Value.Float64((Double) value));
    }
    if (type instanceof DecimalType) {
      return Optional.of(new Value.Decimal(((Decimal) value).toJavaBigDecimal()));
    }
    if (type instanceof BooleanType) {
      return Optional.of(new Value.Bool((Boolean) value));
    }
    if (type instanceof TimestampType) {
      return Optional.of(new Value.Timestamp((Long) value));
    }
    return type instanceof DateType ? Optional.of(new Value.Day((Integer) value)) : Optional.empty();
  }
}
