package io.searchbridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads {@code GET {index}} answers: which indexes a pattern names, and how to create a copy of one. */
public final class IndexDefinitions {

  /**
   * Index settings that describe one physical index (identity, history, node placement) and that
   * Elasticsearch refuses or would misapply on a new index in another cluster.
   */
  static final Set<String> CLUSTER_SPECIFIC = Set.of("uuid", "creation_date", "provided_name", "version", "routing",
      "resize", "history_uuid", "verified_before_close");

  private IndexDefinitions() {}

  /** The index names of a {@code GET} answer; a pattern's hidden indexes ({@code .name}) are left out. */
  public static List<String> names(byte[] getIndexResponse, String requested) {
    List<String> names = new ArrayList<>();
    boolean pattern = requested.contains("*") || requested.contains(",");
    parse(getIndexResponse).fieldNames().forEachRemaining(name -> {
      if (!pattern || !name.startsWith(".")) {
        names.add(name);
      }
    });
    names.sort(null);
    return names;
  }

  /** The create-index body for a copy of {@code index}: its mappings and its settings minus {@link #CLUSTER_SPECIFIC}. */
  public static String createBody(byte[] getIndexResponse, String index) {
    JsonNode definition = parse(getIndexResponse).path(index);
    if (definition.isMissingNode()) {
      throw new SearchbridgeException("the primary's definition of index [" + index + "] is missing from its answer");
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    JsonNode indexSettings = definition.path("settings").path("index");
    if (indexSettings.isObject()) {
      ObjectNode copied = ((ObjectNode) indexSettings).deepCopy();
      for (Iterator<String> names = copied.fieldNames(); names.hasNext(); ) {
        if (CLUSTER_SPECIFIC.contains(names.next())) {
          names.remove();
        }
      }
      body.putObject("settings").set("index", copied);
    }
    if (definition.path("mappings").isObject()) {
      body.set("mappings", definition.path("mappings"));
    }
    return body.toString();
  }

  private static JsonNode parse(byte[] json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new SearchbridgeException("unexpected index definition from the primary: " + e.getMessage(), e);
    }
  }
}
