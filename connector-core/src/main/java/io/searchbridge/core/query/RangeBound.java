package io.searchbridge.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bounds of a range query, which are also the SQL comparisons {@code > >= < <=} of a column
 * with a value; the declaration order is the order written into the JSON.
 */
public enum RangeBound {
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte");

  private final String dslName;

  RangeBound(String dslName) {
    this.dslName = dslName;
  }

  public String dslName() {
    return dslName;
  }

  /** The same comparison with its operands swapped: {@code 5 < n} is {@code n > 5}. */
  public RangeBound flipped() {
    return switch (this) {
      case GT -> LT;
      case GTE -> LTE;
      case LT -> GT;
      case LTE -> GTE;
    };
  }

  static Map<RangeBound, JsonNode> ordered(Map<RangeBound, JsonNode> bounds) {
    return Collections.unmodifiableMap(bounds.isEmpty() ? new EnumMap<>(RangeBound.class) : new EnumMap<>(bounds));
  }
}
