package io.searchbridge.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.ResourcePaths;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Runs a pushed-down aggregation and hands over its buckets: a composite aggregation page by page
 * ({@code after_key}) until the last one, or the single bucket of an ungrouped one. Fetches no
 * documents ({@code size: 0}).
 */
public final class AggregationPager {

  private AggregationPager() {}

  /**
   * @param aggregationsJson the request's {@code aggs} object
   * @param name the aggregation to read
   * @param composite whether {@code name} is a composite aggregation to page through
   */
  public static void forEachBucket(EsClient client, String resource, String queryJson, String aggregationsJson,
      String name, boolean composite, Consumer<JsonNode> bucket) {
    ObjectNode aggregations = parse(aggregationsJson);
    String path = ResourcePaths.path(resource, "/_search");
    while (true) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("size", 0).put("track_total_hits", false).set("query", parse(queryJson));
      body.set("aggs", aggregations);
      JsonNode response = client.search(path, body.toString().getBytes(StandardCharsets.UTF_8), Json.MAPPER::readTree);
      checkShards(response, resource);
      JsonNode result = response.path("aggregations").path(name);
      if (!composite) {
        bucket.accept(result);
        return;
      }
      JsonNode buckets = result.path("buckets");
      buckets.forEach(bucket);
      JsonNode after = result.path("after_key");
      if (buckets.isEmpty() || after.isMissingNode()) {
        return;
      }
      ((ObjectNode) aggregations.path(name).path("composite")).set("after", after);
    }
  }

  private static void checkShards(JsonNode response, String resource) {
    JsonNode shards = response.path("_shards");
    if (shards.path("failed").asInt(0) > 0) {
      throw new SearchbridgeException("aggregation over [" + resource + "] failed on " + shards.path("failed").asInt()
          + " shard(s): " + shards.path("failures").path(0).path("reason"));
    }
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }
}
