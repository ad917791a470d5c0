package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexDefinitionsTest {

  private static final byte[] RESPONSE = """
      {"orders":{"aliases":{},"mappings":{"properties":{"items":{"type":"nested"},"at":{"type":"date"}}},
        "settings":{"index":{"routing":{"allocation":{"include":{"_tier_preference":"data_content"}}},
          "number_of_shards":"3","number_of_replicas":"0","routing_partition_size":"2",
          "provided_name":"orders","creation_date":"1700000000000","uuid":"u1","version":{"created":"8190021"},
          "analysis":{"analyzer":{"a":{"type":"standard"}}}}}},
       ".hidden-one":{"mappings":{},"settings":{"index":{}}}}
      """.getBytes(StandardCharsets.UTF_8);

  @Test
  void copyKeepsMappingsAndPortableSettingsOnly() throws Exception {
    JsonNode body = Json.MAPPER.readTree(IndexDefinitions.createBody(RESPONSE, "orders"));

    JsonNode index = body.path("settings").path("index");
    assertThat(index.path("number_of_shards").asText()).isEqualTo("3");
    assertThat(index.path("routing_partition_size").asText()).isEqualTo("2");
    assertThat(index.path("analysis").path("analyzer").path("a").path("type").asText()).isEqualTo("standard");
    assertThat(index.has("uuid") || index.has("creation_date") || index.has("provided_name") || index.has("version")
        || index.has("routing")).isFalse();
    assertThat(body.path("mappings").path("properties").path("items").path("type").asText()).isEqualTo("nested");
  }

  @Test
  void patternsLeaveHiddenIndexesOutButExplicitNamesKeepThem() {
    assertThat(IndexDefinitions.names(RESPONSE, "*")).containsExactly("orders");
    assertThat(IndexDefinitions.names(RESPONSE, ".hidden-one")).containsExactly(".hidden-one", "orders");
  }

  @Test
  void missingIndexInTheAnswerNamesIt() {
    assertThatThrownBy(() -> IndexDefinitions.createBody(RESPONSE, "nope"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("[nope]");
  }
}
