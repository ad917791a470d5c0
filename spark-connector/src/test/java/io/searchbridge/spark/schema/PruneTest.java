package io.searchbridge.spark.schema;

import static io.searchbridge.spark.schema.Fixtures.decode;
import static io.searchbridge.spark.schema.Fixtures.infer;
import static io.searchbridge.spark.schema.SchemaInferenceTest.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PruneTest {

  private static final String PROPERTIES = """
      {"id": {"type": "keyword"},
       "user": {"properties": {"name": {"type": "keyword"}, "age": {"type": "long"},
                               "address": {"properties": {"city": {"type": "keyword"},
                                                          "zip": {"type": "keyword"}}}}},
       "items": {"type": "nested", "properties": {"sku": {"type": "keyword"},
                                                   "qty": {"type": "long"}}},
       "where": {"type": "geo_point"},
       "total": {"type": "alias", "path": "user.age"}}""";

  private final EsReadSchema full = infer(PROPERTIES, "es.read.metadata", "true");

  @Test
  void unprunedReadsEveryLeaf() {
    assertThat(full.sourceIncludes()).containsExactly("id", "user.name", "user.age",
        "user.address.city", "user.address.zip", "items.sku", "items.qty", "where");
  }

  @Test
  void topLevelPruning() {
    EsReadSchema pruned = full.prune(struct("where", full.sparkSchema().apply("where").dataType(),
        "id", StringType));
    assertThat(pruned.sparkSchema().fieldNames()).containsExactly("where", "id");
    assertThat(pruned.sourceIncludes()).containsExactly("where", "id");
    assertThat(decode(pruned, """
        {"id": "a", "user": {"name": "x"}, "where": [2.5, 1.5]}"""))
        .isEqualTo(Map.of("where", Map.of("lat", 1.5, "lon", 2.5), "id", "a"));
  }

  @Test
  void nestedStructPruning() {
    StructType required = struct(
        "user", struct("address", struct("zip", StringType)),
        "items", createArrayType(struct("qty", LongType)));
    EsReadSchema pruned = full.prune(required);
    assertThat(pruned.sparkSchema()).isEqualTo(required);
    assertThat(pruned.sourceIncludes()).containsExactly("user.address.zip", "items.qty");
    assertThat(decode(pruned, """
        {"user": {"name": "x", "address": {"city": "Oslo", "zip": "0150"}},
         "items": [{"sku": "a", "qty": 2}, {"sku": "b"}]}"""))
        .isEqualTo(Map.of(
            "user", Map.of("address", Map.of("zip", "0150")),
            "items", List.of(Map.of("qty", 2L), java.util.Collections.singletonMap("qty", null))));
  }

  @Test
  void aliasRequestsItsTarget() {
    EsReadSchema pruned = full.prune(struct("total", LongType));
    assertThat(pruned.sourceIncludes()).containsExactly("user.age");
    assertThat(decode(pruned, "{\"user\": {\"age\": 41}}")).isEqualTo(Map.of("total", 41L));
  }

  @Test
  void metadataOnlyNeedsNoSource() {
    EsReadSchema pruned = full.prune(struct("_metadata", createMapType(StringType, StringType)));
    assertThat(pruned.sourceIncludes()).isEmpty();
    assertThat(decode(pruned, "{}"))
        .isEqualTo(Map.of("_metadata", Map.of("_index", Fixtures.INDEX, "_id", Fixtures.ID)));
  }

  @Test
  void unknownColumnFails() {
    assertThatThrownBy(() -> full.prune(struct("nope", StringType)))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("[nope]");
    assertThatThrownBy(() -> full.prune(struct("user", struct("nope", StringType))))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("[user]")
        .hasMessageContaining("[nope]");
  }
}
