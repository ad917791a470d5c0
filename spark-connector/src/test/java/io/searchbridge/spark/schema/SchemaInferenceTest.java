package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Fixtures.infer;
import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.ByteType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.ShortType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaInferenceTest {

  static StructType struct(Object... namesAndTypes) {
    StructType struct = new StructType();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      struct = struct.add(new StructField(
          (String) namesAndTypes[i], (DataType) namesAndTypes[i + 1], true, Metadata.empty()));
    }
    return struct;
  }

  private static DataType typeOf(String esType) {
    return infer("{\"f\": {\"type\": \"" + esType + "\"}}").sparkSchema().apply("f").dataType();
  }

  @ParameterizedTest
  @ValueSource(strings = {"keyword", "constant_keyword", "wildcard", "text", "match_only_text",
      "search_as_you_type", "version", "ip", "completion", "semantic_text", "annotated_text",
      "pattern_text", "counted_keyword", "icu_collation_keyword", "murmur3", "geo_shape", "shape",
      "point", "percolator"})
  void stringTypes(String esType) {
    assertThat(typeOf(esType)).isEqualTo(StringType);
  }

  @Test
  void scalarTypes() {
    assertThat(typeOf("long")).isEqualTo(LongType);
    assertThat(typeOf("integer")).isEqualTo(IntegerType);
    assertThat(typeOf("short")).isEqualTo(ShortType);
    assertThat(typeOf("byte")).isEqualTo(ByteType);
    assertThat(typeOf("token_count")).isEqualTo(IntegerType);
    assertThat(typeOf("double")).isEqualTo(DoubleType);
    assertThat(typeOf("float")).isEqualTo(FloatType);
    assertThat(typeOf("half_float")).isEqualTo(FloatType);
    assertThat(typeOf("rank_feature")).isEqualTo(FloatType);
    assertThat(typeOf("unsigned_long")).isEqualTo(createDecimalType(20, 0));
    assertThat(typeOf("boolean")).isEqualTo(BooleanType);
    assertThat(typeOf("binary")).isEqualTo(BinaryType);
    assertThat(typeOf("date")).isEqualTo(TimestampType);
    assertThat(typeOf("date_nanos")).isEqualTo(TimestampType);
    assertThat(typeOf("some_future_type")).isEqualTo(StringType);
  }

  @Test
  void scaledFloatIsDouble() {
    assertThat(infer("{\"f\": {\"type\": \"scaled_float\", \"scaling_factor\": 100}}")
        .sparkSchema().apply("f").dataType()).isEqualTo(DoubleType);
  }

  @Test
  void structuredTypes() {
    assertThat(typeOf("flattened")).isEqualTo(createMapType(StringType, StringType));
    assertThat(typeOf("geo_point")).isEqualTo(struct("lat", DoubleType, "lon", DoubleType));
    assertThat(typeOf("dense_vector")).isEqualTo(createArrayType(FloatType));
    assertThat(typeOf("sparse_vector")).isEqualTo(createMapType(StringType, FloatType));
    assertThat(typeOf("rank_features")).isEqualTo(createMapType(StringType, FloatType));
    assertThat(typeOf("join")).isEqualTo(struct("name", StringType, "parent", StringType));
    assertThat(typeOf("histogram")).isEqualTo(
        struct("values", createArrayType(DoubleType), "counts", createArrayType(LongType)));
    assertThat(typeOf("aggregate_metric_double")).isEqualTo(struct("min", DoubleType, "max",
        DoubleType, "sum", DoubleType, "value_count", LongType));
  }

  @Test
  void rangesAreStructsOfTheirBounds() {
    assertThat(typeOf("integer_range")).isEqualTo(bounds(IntegerType));
    assertThat(typeOf("long_range")).isEqualTo(bounds(LongType));
    assertThat(typeOf("float_range")).isEqualTo(bounds(FloatType));
    assertThat(typeOf("double_range")).isEqualTo(bounds(DoubleType));
    assertThat(typeOf("date_range")).isEqualTo(bounds(TimestampType));
    assertThat(typeOf("ip_range")).isEqualTo(bounds(StringType));
  }

  private static StructType bounds(DataType type) {
    return struct("gte", type, "gt", type, "lte", type, "lt", type);
  }

  @Test
  void objectsAreStructsAndNestedAreArraysOfStructs() {
    EsReadSchema schema = infer("""
        {"user": {"properties": {"name": {"type": "keyword"},
                                 "address": {"properties": {"city": {"type": "text"}}}}},
         "items": {"type": "nested", "properties": {"sku": {"type": "keyword"},
                                                     "qty": {"type": "integer"}}},
         "opaque": {"type": "object", "enabled": false}}
        """);
    assertThat(schema.sparkSchema()).isEqualTo(struct(
        "user", struct("name", StringType, "address", struct("city", StringType)),
        "items", createArrayType(struct("sku", StringType, "qty", IntegerType)),
        "opaque", StringType));
  }

  @Test
  void runtimeFieldsAndMultiFieldsAreNotColumns() {
    StructType schema = EsReadSchema.infer(Fixtures.mapping("""
        {"title": {"type": "text", "fields": {"raw": {"type": "keyword"}}}}"""),
        Fixtures.settings()).sparkSchema();
    assertThat(schema.fieldNames()).containsExactly("title");

    StructType withRuntime = EsReadSchema.infer(Fixtures.mappings("""
        {"properties": {"a": {"type": "long"}}, "runtime": {"day": {"type": "keyword"}}}"""),
        Fixtures.settings()).sparkSchema();
    assertThat(withRuntime.fieldNames()).containsExactly("a");
  }

  @Test
  void datesAreStringsWhenNotRich() {
    EsReadSchema schema = infer("""
        {"at": {"type": "date"}, "span": {"type": "date_range"}}""",
        "es.mapping.date.rich", "false");
    assertThat(schema.sparkSchema()).isEqualTo(
        struct("at", StringType, "span", bounds(StringType)));
  }

  @Test
  void aliasHasItsTargetsType() {
    EsReadSchema schema = infer("""
        {"stats": {"properties": {"count": {"type": "long"},
                                  "n": {"type": "alias", "path": "stats.count"}}},
         "total": {"type": "alias", "path": "stats.count"}}""");
    assertThat(schema.sparkSchema()).isEqualTo(struct(
        "stats", struct("count", LongType, "n", LongType), "total", LongType));
  }

  @Test
  void aliasToAMissingFieldIsLeftOut() {
    assertThat(infer("{\"a\": {\"type\": \"alias\", \"path\": \"nope\"}}").sparkSchema().fields())
        .isEmpty();
  }

  @Test
  void includeAndExcludePruneTheInferredSchema() {
    String properties = """
        {"id": {"type": "keyword"},
         "user": {"properties": {"name": {"type": "keyword"}, "age": {"type": "integer"},
                                 "secret": {"type": "keyword"}}},
         "tags": {"type": "keyword"},
         "metrics": {"properties": {"cpu": {"type": "float"}, "mem": {"type": "float"}}}}""";
    assertThat(infer(properties, "es.read.field.include", "id,user.n*,metrics").sparkSchema())
        .isEqualTo(struct("id", StringType, "user", struct("name", StringType),
            "metrics", struct("cpu", FloatType, "mem", FloatType)));
    assertThat(infer(properties, "es.read.field.exclude", "user.secret,tags,metrics.*")
        .sparkSchema())
        .isEqualTo(struct("id", StringType, "user", struct("name", StringType, "age", IntegerType)));
    assertThat(infer(properties, "es.read.field.include", "user",
        "es.read.field.exclude", "user.secret").sparkSchema())
        .isEqualTo(struct("user", struct("name", StringType, "age", IntegerType)));
  }

  @Test
  void arraysWithDepth() {
    EsReadSchema schema = infer("""
        {"tags": {"type": "keyword"}, "matrix": {"type": "long"},
         "points": {"type": "geo_point"}, "vectors": {"type": "dense_vector"},
         "items": {"type": "nested", "properties": {"a": {"type": "long"}}},
         "owner": {"properties": {"names": {"type": "text"}}}}""",
        "es.read.field.as.array.include", "tags,matrix:2,points,vectors,items,owner.names");
    assertThat(schema.sparkSchema()).isEqualTo(struct(
        "tags", createArrayType(StringType),
        "matrix", createArrayType(createArrayType(LongType)),
        "points", createArrayType(struct("lat", DoubleType, "lon", DoubleType)),
        "vectors", createArrayType(createArrayType(FloatType)),
        "items", createArrayType(struct("a", LongType)),
        "owner", struct("names", createArrayType(StringType))));
  }

  @Test
  void metadataColumn() {
    assertThat(infer("{\"a\": {\"type\": \"long\"}}", "es.read.metadata", "true").sparkSchema())
        .isEqualTo(struct("a", LongType, "_metadata", createMapType(StringType, StringType)));
    assertThat(infer("{\"a\": {\"type\": \"long\"}}", "es.read.metadata", "true",
        "es.read.metadata.field", "meta").sparkSchema().fieldNames())
        .containsExactly("a", "meta");
  }

  @Test
  void metadataColumnMustNotShadowAField() {
    assertThatThrownBy(() -> infer("{\"meta\": {\"type\": \"long\"}}", "es.read.metadata", "true",
        "es.read.metadata.field", "meta"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("[meta]")
        .hasMessageContaining("es.read.metadata.field");
  }

  @Test
  void invalidDateFormatFailsOnTheDriver() {
    assertThatThrownBy(() -> infer("{\"at\": {\"type\": \"date\", \"format\": \"yyyy-{MM\"}}"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("[at]")
        .hasMessageContaining("yyyy-{MM");
  }
}
