package io.searchbridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.ResourcePaths;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The cursors, kept on the standby in a small hidden index, one document per source index (its id
 * is the index name). Living next to the data they describe, they can never claim more than the
 * standby holds, and a standby rebuilt from scratch starts with no cursor, hence a full copy.
 */
final class CursorStore {

  private static final String STATE_INDEX_BODY =
      "{\"settings\":{\"index\":{\"hidden\":true,\"number_of_shards\":1}},\"mappings\":{\"dynamic\":false,"
          + "\"properties\":{\"index\":{\"type\":\"keyword\"},\"updated\":{\"type\":\"date\"}}}}";

  private final EsClient standby;
  private final Settings settings;
  private final String stateIndex;

  CursorStore(EsClient standby, Settings settings, String stateIndex) {
    this.standby = standby;
    this.settings = settings;
    this.stateIndex = stateIndex;
  }

  Optional<MirrorCursor> load(String index) {
    if (!standby.indexExists(stateIndex)) {
      return Optional.empty();
    }
    var body = Json.MAPPER.createObjectNode().put("size", 1);
    body.putObject("query").putObject("ids").putArray("values").add(index);
    JsonNode hits = standby.search(ResourcePaths.path(stateIndex, "/_search"),
        body.toString().getBytes(StandardCharsets.UTF_8), Json.MAPPER::readTree).path("hits").path("hits");
    return hits.isEmpty() ? Optional.empty() : Optional.of(MirrorCursor.fromJson(hits.get(0).path("_source")));
  }

  /** Writes the cursor and makes it searchable before returning, so the next load sees it. */
  void save(MirrorCursor cursor) {
    if (!standby.indexExists(stateIndex)) {
      standby.createIndex(stateIndex, STATE_INDEX_BODY);
    }
    try (BulkWriter writer = new BulkWriter(standby, settings, "searchbridge-mirror state")) {
      writer.add(stateIndex, DocumentMetadata.withId(cursor.index()), cursor.toJson().getBytes(StandardCharsets.UTF_8));
      writer.flush();
    }
    standby.refresh(stateIndex);
  }
}
