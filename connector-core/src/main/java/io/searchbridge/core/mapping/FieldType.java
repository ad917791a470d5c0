package io.searchbridge.core.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Elasticsearch field types, from the field data types reference (including the types of the
 * official mapper and analysis plugins). Types this list does not know map to {@link #UNKNOWN}, and
 * {@link Field#esType()} keeps the raw name, so that a newer cluster never makes a mapping
 * unreadable.
 */
public enum FieldType {
  TEXT("text", Kind.STRING),
  MATCH_ONLY_TEXT("match_only_text", Kind.STRING),
  PATTERN_TEXT("pattern_text", Kind.STRING),
  ANNOTATED_TEXT("annotated_text", Kind.STRING),
  SEMANTIC_TEXT("semantic_text", Kind.STRING),
  SEARCH_AS_YOU_TYPE("search_as_you_type", Kind.STRING),
  KEYWORD("keyword", Kind.STRING),
  CONSTANT_KEYWORD("constant_keyword", Kind.STRING),
  WILDCARD("wildcard", Kind.STRING),
  COUNTED_KEYWORD("counted_keyword", Kind.STRING),
  ICU_COLLATION_KEYWORD("icu_collation_keyword", Kind.STRING),
  COMPLETION("completion", Kind.OTHER),
  // Not numeric for a reader: _source holds the analysed string, only the index holds the count.
  TOKEN_COUNT("token_count", Kind.OTHER),
  LONG("long", Kind.NUMBER),
  INTEGER("integer", Kind.NUMBER),
  SHORT("short", Kind.NUMBER),
  BYTE("byte", Kind.NUMBER),
  DOUBLE("double", Kind.NUMBER),
  FLOAT("float", Kind.NUMBER),
  HALF_FLOAT("half_float", Kind.NUMBER),
  SCALED_FLOAT("scaled_float", Kind.NUMBER),
  UNSIGNED_LONG("unsigned_long", Kind.NUMBER),
  DATE("date", Kind.DATE),
  DATE_NANOS("date_nanos", Kind.DATE),
  BOOLEAN("boolean", Kind.OTHER),
  BINARY("binary", Kind.OTHER),
  IP("ip", Kind.OTHER),
  VERSION("version", Kind.OTHER),
  MURMUR3("murmur3", Kind.OTHER),
  OBJECT("object", Kind.CONTAINER),
  NESTED("nested", Kind.CONTAINER),
  PASSTHROUGH("passthrough", Kind.CONTAINER),
  FLATTENED("flattened", Kind.OTHER),
  JOIN("join", Kind.OTHER),
  ALIAS("alias", Kind.OTHER),
  PERCOLATOR("percolator", Kind.OTHER),
  GEO_POINT("geo_point", Kind.OTHER),
  GEO_SHAPE("geo_shape", Kind.OTHER),
  POINT("point", Kind.OTHER),
  SHAPE("shape", Kind.OTHER),
  DENSE_VECTOR("dense_vector", Kind.OTHER),
  SPARSE_VECTOR("sparse_vector", Kind.OTHER),
  RANK_VECTORS("rank_vectors", Kind.OTHER),
  RANK_FEATURE("rank_feature", Kind.OTHER),
  RANK_FEATURES("rank_features", Kind.OTHER),
  HISTOGRAM("histogram", Kind.OTHER),
  EXPONENTIAL_HISTOGRAM("exponential_histogram", Kind.OTHER),
  TDIGEST("tdigest", Kind.OTHER),
  AGGREGATE_METRIC_DOUBLE("aggregate_metric_double", Kind.OTHER),
  INTEGER_RANGE("integer_range", Kind.RANGE),
  LONG_RANGE("long_range", Kind.RANGE),
  FLOAT_RANGE("float_range", Kind.RANGE),
  DOUBLE_RANGE("double_range", Kind.RANGE),
  DATE_RANGE("date_range", Kind.RANGE),
  IP_RANGE("ip_range", Kind.RANGE),
  UNKNOWN("unknown", Kind.OTHER);

  private enum Kind {
    STRING,
    NUMBER,
    DATE,
    RANGE,
    CONTAINER,
    OTHER
  }

  private static final Map<String, FieldType> BY_ES_NAME =
      Arrays.stream(values())
          .filter(t -> t != UNKNOWN)
          .collect(Collectors.toUnmodifiableMap(FieldType::esName, Function.identity()));

  private final String esName;
  private final Kind kind;

  FieldType(String esName, Kind kind) {
    this.esName = esName;
    this.kind = kind;
  }

  /** The type for a mapping's {@code "type"} value; {@link #UNKNOWN} for null or unknown names. */
  public static FieldType fromEsName(String name) {
    if (name == null) {
      return UNKNOWN;
    }
    return BY_ES_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), UNKNOWN);
  }

  public String esName() {
    return esName;
  }

  /** Whether {@code _source} holds a JSON number. */
  public boolean isNumeric() {
    return kind == Kind.NUMBER;
  }

  /** Text and keyword families and their relatives: {@code _source} holds a plain string. */
  public boolean isStringLike() {
    return kind == Kind.STRING;
  }

  public boolean isDate() {
    return kind == Kind.DATE;
  }

  public boolean isRange() {
    return kind == Kind.RANGE;
  }

  /** Types whose mapping declares {@code properties} (object, nested, passthrough). */
  public boolean hasChildren() {
    return kind == Kind.CONTAINER;
  }
}
