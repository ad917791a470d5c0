package io.searchbridge.core.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.searchbridge.core.SearchbridgeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code GET /{resource}/_mapping}. A tree model is fine here: mappings are read
 * once per job on the driver, and they are small next to the data.
 */
public final class MappingParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MappingParser() {}

  /** One {@link IndexMapping} per concrete index of the response, in response order. */
  public static List<IndexMapping> parseGetMappingResponse(byte[] json) {
    JsonNode root = readTree(json);
    if (!root.isObject()) {
      throw new SearchbridgeException(
          "Expected the _mapping response to be a JSON object keyed by index name, got a "
              + root.getNodeType());
    }
    List<IndexMapping> mappings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode indexMappings = entry.getValue().get("mappings");
      if (indexMappings == null) {
        throw new SearchbridgeException(
            "Index [" + entry.getKey() + "]: the _mapping response has no \"mappings\" section");
      }
      mappings.add(parse(entry.getKey(), indexMappings));
    }
    return mappings;
  }

  /** Parses the value of one index's {@code "mappings"} key. */
  public static IndexMapping parse(String index, JsonNode mappings) {
    if (!mappings.isObject()) {
      throw new SearchbridgeException(
          "Index ["
              + index
              + "]: \"mappings\" is not a JSON object but a "
              + mappings.getNodeType());
    }
    // Only properties and runtime describe fields; _meta, _source, _routing, dynamic_templates
    // and the like describe the index and are not needed to read or write documents.
    List<Field> fields = FieldReader.readAll(index, "", PropertyTree.build(index, mappings));
    boolean strict = "strict".equals(mappings.path("dynamic").asText());
    return new IndexMapping(index, fields, strict);
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SearchbridgeException(
          "The _mapping response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SearchbridgeException("Cannot read the _mapping response", e);
    }
  }
}
