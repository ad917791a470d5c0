package io.searchbridge.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one index a write target resolves to (itself, or the index behind an alias), as {@code GET
 * {index}} describes it: what an overwrite needs to create an index like it.
 */
record IndexDefinition(String name, JsonNode definition) {

  /** Settings Elasticsearch sets itself and refuses on creation. */
  private static final List<String> GENERATED_SETTINGS =
      List.of("uuid", "creation_date", "provided_name", "version", "routing", "resize", "history");

  /** @throws SearchbridgeException when {@code target} resolves to more than one index */
  static IndexDefinition of(EsClient client, String target) {
    JsonNode definitions;
    try {
      definitions = Json.MAPPER.readTree(client.indexDefinition(target));
    } catch (IOException e) {
      throw new SearchbridgeException("cannot read the definition of index [" + target + "]", e);
    }
    if (definitions.size() != 1) {
      List<String> names = new ArrayList<>();
      definitions.fieldNames().forEachRemaining(names::add);
      throw new SearchbridgeException("overwrite needs one index, but [" + target + "] resolves to "
          + definitions.size() + " index(es) " + names + "; write to one index or use append");
    }
    String name = definitions.fieldNames().next();
    return new IndexDefinition(name, definitions.get(name));
  }

  /** The aliases pointing at this index, each with its properties (filter, routing, write index), as the add-alias action takes them. */
  JsonNode aliases() {
    return definition.path("aliases");
  }

  /** A create-index body with this index's settings and mappings, and its aliases when asked. */
  ObjectNode creationBody(boolean withAliases) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode indexSettings = definition.path("settings").path("index").deepCopy();
    GENERATED_SETTINGS.forEach(indexSettings::remove);
    body.putObject("settings").set("index", indexSettings);
    body.set("mappings", definition.path("mappings"));
    if (withAliases && aliases().size() > 0) {
      body.set("aliases", aliases());
    }
    return body;
  }
}
