package io.searchbridge.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.mapping.ResolvedMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The field rules every engine shares, one whole query per case. */
class FieldPredicatesTest {

  private static final ResolvedMapping MAPPING = MappingMerger.merge(MappingParser.parseGetMappingResponse("""
      {"idx": {"mappings": {"properties": {
        "d": {"type": "double"}, "f": {"type": "float"}, "n": {"type": "long"},
        "ts": {"type": "date"}, "tsn": {"type": "date_nanos"},
        "custom": {"type": "date", "format": "yyyy/MM/dd HH:mm:ss||epoch_second"},
        "kw_null": {"type": "keyword", "null_value": "NULL"}}}}}""".getBytes(StandardCharsets.UTF_8)));

  private final FieldPredicates predicates = new FieldPredicates(false);

  private static QueryableField field(String path) {
    return QueryableField.resolve(MAPPING, path).orElseThrow();
  }

  private static void assertQuery(Optional<Translation> translation, boolean exact, String expected) throws Exception {
    assertThat(translation).isPresent();
    assertThat(translation.get().exact()).isEqualTo(exact);
    JsonNode actual = Json.MAPPER.readTree(translation.get().whenTrue().toJson());
    assertThat(actual).isEqualTo(Json.MAPPER.readTree(expected));
  }

  // --- signed zero: Spark and Hive hold -0.0 = 0.0; a term on 0.0 misses -0.0 -----------------

  @Test
  void equalityWithZeroOnDoubleMatchesBothZeros() throws Exception {
    assertQuery(predicates.equality(field("d"), new Value.Float64(0.0)), true, """
        {"terms": {"d": [0.0, -0.0]}}""");
    assertQuery(predicates.equality(field("d"), new Value.Float64(-0.0)), true, """
        {"terms": {"d": [0.0, -0.0]}}""");
    assertQuery(predicates.equality(field("f"), new Value.Float32(0.0f)), true, """
        {"terms": {"f": [0.0, -0.0]}}""");
  }

  @Test
  void inListWithZeroHoldsBothZeros() throws Exception {
    assertQuery(predicates.anyEqual(field("d"), List.of(new Value.Float64(1.5), new Value.Float64(0.0))), true, """
        {"terms": {"d": [1.5, 0.0, -0.0]}}""");
  }

  @Test
  void rangeBoundsAtZeroIncludeOrExcludeBothZeros() throws Exception {
    // Elasticsearch reads lt 0.0 as lte -0.0 and gt -0.0 as gte 0.0.
    assertQuery(predicates.range(field("d"), RangeBound.LT, new Value.Float64(0.0)), true, """
        {"range": {"d": {"lt": -0.0}}}""");
    assertQuery(predicates.range(field("d"), RangeBound.GTE, new Value.Float64(0.0)), true, """
        {"range": {"d": {"gte": -0.0}}}""");
    assertQuery(predicates.range(field("d"), RangeBound.GT, new Value.Float64(-0.0)), true, """
        {"range": {"d": {"gt": 0.0}}}""");
    assertQuery(predicates.range(field("d"), RangeBound.LTE, new Value.Float64(-0.0)), true, """
        {"range": {"d": {"lte": 0.0}}}""");
  }

  @Test
  void integersHaveNoSignedZero() throws Exception {
    assertQuery(predicates.equality(field("n"), new Value.Whole(0)), true, """
        {"term": {"n": 0}}""");
  }

  // --- timestamps: bounds without a fraction are rounded up for lte and gt ----------------------

  @Test
  void timestampBoundsCarryTheirMillisecondsEvenWhenZero() throws Exception {
    assertQuery(predicates.equality(field("ts"), new Value.Timestamp(0)), true, """
        {"range": {"ts": {"gte": "1970-01-01T00:00:00.000Z", "lte": "1970-01-01T00:00:00.000Z",
                          "format": "strict_date_optional_time_nanos"}}}""");
    assertQuery(predicates.range(field("custom"), RangeBound.GT, new Value.Timestamp(1_000_000)), true, """
        {"range": {"custom": {"gt": "1970-01-01T00:00:01.000Z", "format": "strict_date_optional_time_nanos"}}}""");
  }

  @Test
  void timestampBoundsOnDateNanosCarryTheirMicroseconds() throws Exception {
    assertQuery(predicates.range(field("tsn"), RangeBound.LTE, new Value.Timestamp(1)), true, """
        {"range": {"tsn": {"lte": "1970-01-01T00:00:00.000001Z", "format": "strict_date_optional_time_nanos"}}}""");
    assertQuery(predicates.anyEqual(field("tsn"), List.of(new Value.Timestamp(0))), true, """
        {"range": {"tsn": {"gte": "1970-01-01T00:00:00.000Z", "lte": "1970-01-01T00:00:00.000Z",
                           "format": "strict_date_optional_time_nanos"}}}""");
  }

  // --- null_value: the index holds a stand-in for NULLs --------------------------------------------

  @Test
  void nullValueFieldsAreRecheckedAndTheirNullsNotPushed() throws Exception {
    assertQuery(predicates.equality(field("kw_null"), new Value.Text("NULL")), false, """
        {"term": {"kw_null": "NULL"}}""");
    assertThat(predicates.isNull(field("kw_null"))).isEmpty();
  }
}
