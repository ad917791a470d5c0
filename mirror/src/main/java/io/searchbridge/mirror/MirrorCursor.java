package io.searchbridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.json.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the mirror of one index stands: the newest marker value copied and acknowledged. Stored as
 * one document per source index in the standby's state index, so it fails over with the data.
 *
 * @param index the source index
 * @param markerField the marker the position is measured in; a cursor of another field is not reused
 * @param position newest marker copied; empty when the index has no marker (every round copies everything)
 * @param rounds successful rounds so far
 * @param updated when the cursor was last written
 */
public record MirrorCursor(String index, String markerField, Optional<Long> position, long rounds, Instant updated) {

  /** The cursor to start from when {@code stored} is what the state index holds for a marker field. */
  public static Optional<Long> resumeFrom(Optional<MirrorCursor> stored, String markerField) {
    return stored.filter(cursor -> cursor.markerField().equals(markerField)).flatMap(MirrorCursor::position);
  }

  public String toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode()
        .put("index", index)
        .put("marker_field", markerField)
        .put("rounds", rounds)
        .put("updated", updated.toString());
    position.ifPresentOrElse(value -> json.put("position", value), () -> json.putNull("position"));
    return json.toString();
  }

  public static MirrorCursor fromJson(JsonNode json) {
    JsonNode position = json.path("position");
    return new MirrorCursor(json.path("index").asText(), json.path("marker_field").asText(""),
        position.isNumber() ? Optional.of(position.longValue()) : Optional.empty(), json.path("rounds").asLong(),
        Instant.parse(json.path("updated").asText()));
  }
}
