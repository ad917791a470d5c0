package io.searchbridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.query.QuerySpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The field that tells which documents changed, and the queries built on it. Values are longs:
 * epoch milliseconds for date fields (how Elasticsearch aggregates dates), the number itself for
 * numeric version fields.
 *
 * <p>A round copies {@code marker >= cursor - overlap}, never {@code > cursor}: documents that share
 * the cursor's value but were not yet searchable when the previous round read (refresh, or two
 * writes in the same millisecond) would otherwise be skipped for good. Copying a document twice
 * is harmless, because every copy is an index by the same {@code _id}.
 *
 * @param field dotted path of the marker field
 * @param date whether the field is a date (ranges then say their numbers are epoch milliseconds)
 * @param overlap how far below the cursor a round starts, in the field's units
 */
public record ChangeMarker(String field, boolean date, long overlap) {

  static final String NEWEST = "newest_marker";

  /** The query of a round: everything when there is no cursor yet (the full copy), else what changed since. */
  public String roundQuery(Optional<Long> cursor) {
    if (cursor.isEmpty()) {
      return QuerySpec.MATCH_ALL;
    }
    ObjectNode bounds = Json.MAPPER.createObjectNode().put("gte", Math.subtractExact(cursor.get(), overlap));
    if (date) {
      bounds.put("format", "epoch_millis");
    }
    ObjectNode query = Json.MAPPER.createObjectNode();
    query.putObject("range").set(field, bounds);
    return query.toString();
  }

  /** The cursor after a round: never moves backwards, even if the round saw only old documents. */
  public static Optional<Long> advance(Optional<Long> cursor, Optional<Long> roundNewest) {
    if (cursor.isEmpty()) {
      return roundNewest;
    }
    return Optional.of(roundNewest.map(newest -> Math.max(newest, cursor.get())).orElse(cursor.get()));
  }

  /**
   * A size-0 search for the largest marker among the documents {@code queryJson} matches; inside
   * {@code pitId} when given, so that it sees exactly the snapshot a round copied.
   */
  public String newestBody(String queryJson, Optional<String> pitId) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("size", 0).put("track_total_hits", false);
    body.set("query", readTree(queryJson));
    pitId.ifPresent(id -> body.putObject("pit").put("id", id).put("keep_alive", "1m"));
    body.putObject("aggs").putObject(NEWEST).putObject("max").put("field", field);
    return body.toString();
  }

  /** Reads the answer to {@link #newestBody}: empty when no document holds the field. */
  public static Optional<Long> parseNewest(InputStream response) throws IOException {
    JsonNode value = Json.MAPPER.readTree(response).path("aggregations").path(NEWEST).path("value");
    return value.isNumber() ? Optional.of(value.longValue()) : Optional.empty();
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new SearchbridgeException("not a JSON query: " + json, e);
    }
  }
}
