package io.searchbridge.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties an index for an overwrite by deleting and re-creating it with its own settings and
 * mappings. Deleting documents by query would keep aliases, but it needs the reindex module, which
 * many clusters (and minimal distributions) lack; re-creating is one fast, predictable request.
 * Aliases pointing at the index are re-created too.
 */
public final class IndexReset {

  private static final Logger LOG = LoggerFactory.getLogger(IndexReset.class);

  /** Settings Elasticsearch sets itself and refuses on creation. */
  private static final List<String> GENERATED_SETTINGS =
      List.of("uuid", "creation_date", "provided_name", "version", "routing", "resize", "history");

  private IndexReset() {}

  /** Empties {@code index} if it exists; a missing index is left to be created by the write. */
  public static void reset(EsClient client, String index) {
    if (!client.indexExists(index)) {
      return;
    }
    JsonNode definitions;
    try {
      definitions = Json.MAPPER.readTree(client.indexDefinition(index));
    } catch (IOException e) {
      throw new SearchbridgeException("cannot read the definition of index [" + index + "]", e);
    }
    if (definitions.size() != 1 || !definitions.has(index)) {
      throw new SearchbridgeException("overwrite needs a concrete index, but [" + index + "] resolves to "
          + definitions.size() + " index(es) " + indexNames(definitions) + "; write to one index or use append");
    }
    JsonNode definition = definitions.get(index);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode indexSettings = definition.path("settings").path("index").deepCopy();
    GENERATED_SETTINGS.forEach(indexSettings::remove);
    body.putObject("settings").set("index", indexSettings);
    body.set("mappings", definition.path("mappings"));
    if (definition.path("aliases").size() > 0) {
      body.set("aliases", definition.path("aliases"));
    }
    client.deleteIndex(index);
    client.createIndex(index, body.toString());
    LOG.info("overwrite: index [{}] re-created empty with its settings and mappings", index);
  }

  private static List<String> indexNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
