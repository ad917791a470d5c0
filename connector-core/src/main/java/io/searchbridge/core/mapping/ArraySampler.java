package io.searchbridge.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.ResourcePaths;
import io.searchbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the fields that hold arrays by looking at a sample of documents ({@code
 * es.read.field.as.array.sample}): mappings do not say whether a field holds one value or many,
 * which is what ES-Hadoop users had to declare by hand. Nested fields are arrays by definition and
 * are not reported themselves, only the arrays inside them.
 */
public final class ArraySampler {

  private ArraySampler() {}

  /** Entries for {@code es.read.field.as.array.include}: {@code path}, or {@code path:depth} for arrays of arrays. */
  public static List<String> arrayFields(EsClient client, String resource, ResolvedMapping mapping, int sampleSize) {
    byte[] body = ("{\"size\":" + sampleSize + ",\"query\":{\"match_all\":{}}}").getBytes(StandardCharsets.UTF_8);
    JsonNode response = client.search(ResourcePaths.path(resource, "/_search"), body,
        Json.MAPPER::readTree);
    Map<String, Integer> depths = new TreeMap<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      walk(hit.path("_source"), "", mapping, depths);
    }
    List<String> entries = new ArrayList<>();
    depths.forEach((path, depth) -> entries.add(depth == 1 ? path : path + ":" + depth));
    return entries;
  }

  private static void walk(JsonNode node, String prefix, ResolvedMapping mapping, Map<String, Integer> depths) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      int depth = 0;
      while (value.isArray() && !value.isEmpty()) {
        depth++;
        for (JsonNode element : value) {
          if (element.isObject()) {
            walk(element, path + ".", mapping, depths);
          }
        }
        value = value.get(0);
      }
      boolean nested = mapping.find(path).map(f -> f.type() == FieldType.NESTED).orElse(false);
      if (depth > 0 && !nested) {
        depths.merge(path, depth, Math::max);
      }
      if (value.isObject()) {
        walk(value, path + ".", mapping, depths);
      }
    }
  }
}
