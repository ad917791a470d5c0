package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Fixtures.decode;
import static io.searchbridge.spark.schema.Fixtures.infer;
import static io.searchbridge.spark.schema.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.searchbridge.core.read.HitMetadata;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;

class DecoderTest {

  /**
   * @param typeOrMapping a type name, or the field's whole mapping as JSON
   */
  static Object one(String typeOrMapping, String valueJson, String... settings) {
    String mapping = typeOrMapping.startsWith("{")
        ? typeOrMapping
        : "{\"type\": \"" + typeOrMapping + "\"}";
    return decode(infer("{\"f\": " + mapping + "}", settings), "{\"f\": " + valueJson + "}")
        .get("f");
  }

  @Test
  void scalars() {
    assertThat(one("keyword", "\"héllo wörld ✓ 日本 😀\"")).isEqualTo("héllo wörld ✓ 日本 😀");
    assertThat(one("long", "9007199254740993")).isEqualTo(9007199254740993L);
    assertThat(one("integer", "-7")).isEqualTo(-7);
    assertThat(one("short", "300")).isEqualTo((short) 300);
    assertThat(one("byte", "-3")).isEqualTo((byte) -3);
    assertThat(one("double", "2.5e3")).isEqualTo(2500.0);
    assertThat(one("float", "1.25")).isEqualTo(1.25f);
    assertThat(one("half_float", "0.5")).isEqualTo(0.5f);
    assertThat(one("{\"type\": \"scaled_float\", \"scaling_factor\": 100}", "12.34"))
        .isEqualTo(12.34);
    assertThat(one("unsigned_long", "18446744073709551615"))
        .isEqualTo(new BigDecimal("18446744073709551615"));
    assertThat(one("boolean", "true")).isEqualTo(true);
    assertThat((byte[]) one("binary", "\"aGVsbG8=\"")).isEqualTo("hello".getBytes());
    assertThat(one("rank_feature", "3")).isEqualTo(3.0f);
    assertThat(one("token_count", "4")).isEqualTo(4);
    assertThat(one("ip", "\"::1\"")).isEqualTo("::1");
  }

  @Test
  void valuesInTheWrongJsonKindAreConverted() {
    assertThat(one("long", "\"42\"")).isEqualTo(42L);
    assertThat(one("long", "4.9")).isEqualTo(4L);
    assertThat(one("double", "\"4.5\"")).isEqualTo(4.5);
    assertThat(one("integer", "\" 12 \"")).isEqualTo(12);
    assertThat(one("keyword", "1")).isEqualTo("1");
    assertThat(one("keyword", "1.50")).isEqualTo("1.50");
    assertThat(one("keyword", "false")).isEqualTo("false");
    assertThat(one("boolean", "\"false\"")).isEqualTo(false);
    assertThat(one("unsigned_long", "\"12\"")).isEqualTo(new BigDecimal("12"));
  }

  @Test
  void emptyStrings() {
    assertThat(one("long", "\"\"")).isNull();
    assertThat(one("keyword", "\"\"")).isEqualTo("");
    assertThat(one("{\"type\": \"boolean\"}", "\"\"", "es.field.read.empty.as.null", "false"))
        .isEqualTo(false);
  }

  @Test
  void nullsMissingAndEmptyArrays() {
    Map<String, Object> row = decode(
        infer("{\"a\": {\"type\": \"long\"}, \"b\": {\"type\": \"keyword\"},"
            + " \"c\": {\"type\": \"long\"}, \"o\": {\"properties\": {\"x\": {\"type\": \"long\"}}}}",
            "es.read.field.as.array.include", "c"),
        "{\"a\": null, \"b\": [], \"c\": [], \"o\": null, \"unmapped\": {\"deep\": [1, {\"z\": 2}]}}");
    assertThat(row).isEqualTo(map("a", null, "b", null, "c", List.of(), "o", null));
  }

  @Test
  void singleValuesReadAsArraysAndNestedDepths() {
    Map<String, Object> row = decode(
        infer("""
            {"tags": {"type": "keyword"}, "m": {"type": "long"}, "n": {"type": "long"},
             "v": {"type": "dense_vector"}}""",
            "es.read.field.as.array.include", "tags,m:2,n:2,v"),
        """
            {"tags": "solo", "m": [[1, 2], [3]], "n": [4, 5], "v": [0.5, 1.5]}""");
    assertThat(row).isEqualTo(Map.of(
        "tags", List.of("solo"),
        "m", List.of(List.of(1L, 2L), List.of(3L)),
        "n", List.of(List.of(4L, 5L)),
        "v", List.of(List.of(0.5f, 1.5f))));
  }

  @Test
  void objectsNestedAndDottedKeysLandInTheSamePlace() {
    EsReadSchema schema = infer("""
        {"user": {"properties": {"name": {"type": "keyword"},
                                 "geo": {"properties": {"city": {"type": "keyword"},
                                                        "zip": {"type": "keyword"}}}}},
         "items": {"type": "nested", "properties": {"sku": {"type": "keyword"},
                                                     "tags": {"type": "keyword"}}}}""",
        "es.read.field.as.array.include", "items.tags");
    Map<String, Object> expected = Map.of(
        "user", Map.of("name", "Ann", "geo", Map.of("city", "Oslo", "zip", "0150")),
        "items", List.of(Map.of("sku", "a", "tags", List.of("x", "y")),
            Map.of("sku", "b", "tags", List.of("z"))));
    assertThat(decode(schema, """
        {"user": {"name": "Ann", "geo": {"city": "Oslo", "zip": "0150"}},
         "items": [{"sku": "a", "tags": ["x", "y"]}, {"sku": "b", "tags": "z"}]}"""))
        .isEqualTo(expected);
    assertThat(decode(schema, """
        {"user.name": "Ann", "user": {"geo.city": "Oslo"}, "user.geo": {"zip": "0150"},
         "items": [{"sku": "a", "tags": ["x", "y"]}, {"sku": "b", "tags": "z"}]}"""))
        .isEqualTo(expected);
  }

  @Test
  void singleNestedObjectIsAOneElementArray() {
    assertThat(one("{\"type\": \"nested\", \"properties\": {\"a\": {\"type\": \"long\"}}}",
        "{\"a\": 1}")).isEqualTo(List.of(Map.of("a", 1L)));
  }

  @Test
  void opaqueTypesAreJsonText() {
    assertThat(one("geo_shape", "{\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, 4]]}"))
        .isEqualTo("{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}");
    assertThat(one("shape", "\"POINT (1 2)\"")).isEqualTo("POINT (1 2)");
    assertThat(one("percolator", "{\"match\": {\"a\": \"b\"}}"))
        .isEqualTo("{\"match\":{\"a\":\"b\"}}");
    assertThat(one("completion", "[\"a\", \"b\"]")).isEqualTo("[\"a\",\"b\"]");
    assertThat(one("brand_new_type", "{\"x\": [1]}")).isEqualTo("{\"x\":[1]}");
    assertThat(one("{\"type\": \"object\", \"enabled\": false}", "{\"x\": 1}"))
        .isEqualTo("{\"x\":1}");
  }

  @Test
  void mapsAndStructuredTypes() {
    assertThat(one("flattened", "{\"a\": \"x\", \"b\": {\"c\": 1, \"d\": {\"e\": true}},"
        + " \"l\": [\"p\", \"q\"]}"))
        .isEqualTo(Map.of("a", "x", "b.c", "1", "b.d.e", "true", "l", "[\"p\",\"q\"]"));
    assertThat(one("sparse_vector", "{\"dog\": 1.5, \"cat\": 2}"))
        .isEqualTo(Map.of("dog", 1.5f, "cat", 2.0f));
    assertThat(one("rank_features", "{\"pagerank\": 10}")).isEqualTo(Map.of("pagerank", 10.0f));
    assertThat(one("histogram", "{\"values\": [0.1, 0.2], \"counts\": [3, 7]}"))
        .isEqualTo(Map.of("values", List.of(0.1, 0.2), "counts", List.of(3L, 7L)));
    assertThat(one("{\"type\": \"aggregate_metric_double\", \"metrics\": [\"min\", \"max\","
        + " \"value_count\"], \"default_metric\": \"max\"}",
        "{\"min\": 1, \"max\": 9.5, \"value_count\": 4}"))
        .isEqualTo(map("min", 1.0, "max", 9.5, "sum", null, "value_count", 4L));
    assertThat(one("integer_range", "{\"gte\": 1, \"lt\": 10}"))
        .isEqualTo(bounds(1, null, null, 10));
    assertThat(one("ip_range", "{\"gt\": \"10.0.0.1\", \"lte\": \"10.0.0.9\"}"))
        .isEqualTo(bounds(null, "10.0.0.1", "10.0.0.9", null));
    assertThat(one("date_range", "{\"gte\": \"2024-01-01\", \"lte\": 86400000}"))
        .isEqualTo(bounds(1704067200_000_000L, null, 86400_000_000L, null));
  }

  @Test
  void decimalsKeepEveryDigitOfTheirScale() {
    EsReadSchema schema = EsReadSchema.userDefined(
        new org.apache.spark.sql.types.StructType().add("f", org.apache.spark.sql.types.DataTypes.createDecimalType(20, 4)),
        Fixtures.mapping("{\"f\": {\"type\": \"double\"}}"), Fixtures.settings());
    assertThat(Fixtures.decode(schema, "{\"f\": 1234567890123456.0001}").get("f"))
        .isEqualTo(new java.math.BigDecimal("1234567890123456.0001"));
    assertThat(Fixtures.decode(schema, "{\"f\": \"-1234567890123456.0001\"}").get("f"))
        .isEqualTo(new java.math.BigDecimal("-1234567890123456.0001"));
  }

  @Test
  void ipRangeGivenAsCidrReadsItsFirstAndLastAddress() {
    assertThat(one("ip_range", "\"192.168.0.0/16\"")).isEqualTo(bounds("192.168.0.0", null, "192.168.255.255", null));
    assertThat(one("ip_range", "\"10.1.2.3/32\"")).isEqualTo(bounds("10.1.2.3", null, "10.1.2.3", null));
    assertThat(one("ip_range", "\"2001:db8::/120\""))
        .isEqualTo(bounds("2001:db8:0:0:0:0:0:0", null, "2001:db8:0:0:0:0:0:ff", null));
    assertThatThrownBy(() -> one("ip_range", "\"example.com/8\"")).hasMessageContaining("field [f]");
    assertThatThrownBy(() -> one("ip_range", "\"10.0.0.0/33\"")).hasMessageContaining("10.0.0.0/33");
  }

  private static Map<String, Object> bounds(Object gte, Object gt, Object lte, Object lt) {
    return map("gte", gte, "gt", gt, "lte", lte, "lt", lt);
  }

  @Test
  void joinAcceptsBothForms() {
    String join = "{\"type\": \"join\", \"relations\": {\"question\": \"answer\"}}";
    assertThat(one(join, "\"question\"")).isEqualTo(map("name", "question", "parent", null));
    assertThat(one(join, "{\"name\": \"answer\", \"parent\": \"q1\"}"))
        .isEqualTo(map("name", "answer", "parent", "q1"));
  }

  @Test
  void aliasReadsTheTargetInEveryForm() {
    EsReadSchema schema = infer("""
        {"stats": {"properties": {"count": {"type": "long"},
                                  "n": {"type": "alias", "path": "stats.count"}}},
         "total": {"type": "alias", "path": "stats.count"}}""");
    Map<String, Object> expected = Map.of("stats", Map.of("count", 3L, "n", 3L), "total", 3L);
    assertThat(decode(schema, "{\"stats\": {\"count\": 3}}")).isEqualTo(expected);
    assertThat(decode(schema, "{\"stats.count\": 3}")).isEqualTo(expected);
  }

  @Test
  void metadataMapHasScoreWhenScored() throws Exception {
    EsReadSchema schema = infer("{\"a\": {\"type\": \"long\"}}", "es.read.metadata", "true");
    try (JsonParser parser = new JsonFactory().createParser("{\"a\": 1}")) {
      parser.nextToken();
      InternalRow row = schema.decoder().decode(new HitMetadata("i", "7", 1.5), parser);
      assertThat(Fixtures.toJava(row, schema.sparkSchema())).isEqualTo(Map.of(
          "a", 1L, "_metadata", Map.of("_index", "i", "_id", "7", "_score", "1.5")));
    }
  }

  @Test
  void hitWithoutSourceIsAllNull() throws Exception {
    EsReadSchema schema = infer("{\"a\": {\"type\": \"long\"}}");
    InternalRow row = schema.decoder().decode(new HitMetadata("i", "7", Double.NaN), null);
    assertThat(row.numFields()).isEqualTo(1);
    assertThat(row.isNullAt(0)).isTrue();
  }
}
