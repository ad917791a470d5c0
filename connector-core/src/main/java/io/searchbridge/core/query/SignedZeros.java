package io.searchbridge.core.query;

import java.util.List;

/**
 * Spark and Hive compare -0.0 equal to 0.0, while Elasticsearch indexes floating-point values by
 * their bits: a term on 0.0 misses -0.0, and it reads {@code lt 0.0} as {@code lte -0.0}. Equality
 * with either zero asks for both, and a bound at zero is the zero that includes or excludes both.
 */
final class SignedZeros {

  private SignedZeros() {}

  /** The values an equality must match: a floating-point zero stands for both zeros. */
  static List<Value> equalTo(Value value) {
    if (value instanceof Value.Float64 d && d.value() == 0.0) {
      return List.of(new Value.Float64(0.0), new Value.Float64(-0.0));
    }
    if (value instanceof Value.Float32 f && f.value() == 0.0f) {
      return List.of(new Value.Float32(0.0f), new Value.Float32(-0.0f));
    }
    return List.of(value);
  }

  /**
   * The bound to send for {@code field <comparison> value}: at zero, gte and lt take -0.0 (the
   * lowest zero), gt and lte take 0.0 (the highest).
   */
  static Value bound(RangeBound comparison, Value value) {
    boolean lowest = comparison == RangeBound.GTE || comparison == RangeBound.LT;
    if (value instanceof Value.Float64 d && d.value() == 0.0) {
      return new Value.Float64(lowest ? -0.0 : 0.0);
    }
    if (value instanceof Value.Float32 f && f.value() == 0.0f) {
      return new Value.Float32(lowest ? -0.0f : 0.0f);
    }
    return value;
  }
}
