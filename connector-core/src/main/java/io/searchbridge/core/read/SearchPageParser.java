package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a search response: context ids, shard failures and hits, each hit's {@code _source}
 * handed to the decoder in place. A response with failed shards is an error, never a short page:
 * silently returning the shards that answered would lose documents.
 */
final class SearchPageParser<T> {

  private final HitDecoder<T> decoder;
  private final String description;

  SearchPageParser(HitDecoder<T> decoder, String description) {
    this.decoder = decoder;
    this.description = description;
  }

  SearchPage<T> parse(InputStream body) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      List<T> hits = new ArrayList<>();
      List<Object> lastSort = List.of();
      long[] totalHits = {-1};
      String contextId = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "pit_id" -> contextId = parser.getText();
          case "timed_out" -> {
            if (parser.getBooleanValue()) {
              throw new SearchbridgeException(description + " timed out on the server; raise es.http.timeout or"
                  + " lower es.scroll.size");
            }
          }
          case "_shards" -> checkShards(Json.MAPPER.readTree(parser));
          case "hits" -> lastSort = readHits(parser, hits, totalHits);
          default -> parser.skipChildren();
        }
      }
      return new SearchPage<>(hits, lastSort, contextId, totalHits[0]);
    }
  }

  private List<Object> readHits(JsonParser parser, List<T> hits, long[] totalHits) throws IOException {
    List<Object> lastSort = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("total")) {
        totalHits[0] = Json.MAPPER.<JsonNode>readTree(parser).path("value").asLong(-1);
        continue;
      }
      if (!field.equals("hits")) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        lastSort = readHit(parser, hits);
      }
    }
    return lastSort;
  }

  private List<Object> readHit(JsonParser parser, List<T> hits) throws IOException {
    String index = null;
    String id = null;
    double score = Double.NaN;
    String routing = null;
    T decoded = null;
    boolean sourceSeen = false;
    List<Object> sort = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "_index" -> index = parser.getText();
        case "_id" -> id = parser.getText();
        case "_score" -> score = value == JsonToken.VALUE_NULL ? Double.NaN : parser.getDoubleValue();
        case "_routing" -> routing = parser.getText();
        case "_source" -> {
          decoded = decoder.decode(new HitMetadata(index, id, score, routing), parser);
          sourceSeen = true;
        }
        case "sort" -> sort = readSort(parser);
        default -> parser.skipChildren();
      }
    }
    hits.add(sourceSeen ? decoded : decoder.decode(new HitMetadata(index, id, score, routing), null));
    return sort;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> readSort(JsonParser parser) throws IOException {
    return Json.MAPPER.readValue(parser, List.class);
  }

  private void checkShards(JsonNode shards) {
    int failed = shards.path("failed").asInt(0);
    if (failed == 0) {
      return;
    }
    JsonNode first = shards.path("failures").path(0);
    JsonNode reason = first.path("reason");
    String type = reason.path("type").asText(reason.toString());
    throw new SearchbridgeException(description + " failed on " + failed + " of " + shards.path("total").asInt()
        + " shard(s); first failure: index [" + first.path("index").asText("?") + "] shard " + first.path("shard").asText("?")
        + where(first, type) + ": " + type + (reason.path("reason").isTextual() ? " " + reason.path("reason").asText() : ""));
  }

  /**
   * The node of a failed shard copy, which matters when a node was lost. Once the node has left the
   * cluster Elasticsearch no longer names it and answers a bare no_shard_available_action_exception.
   */
  private static String where(JsonNode failure, String type) {
    if (failure.path("node").isTextual()) {
      return " on node [" + failure.path("node").asText() + "]";
    }
    return type.equals("no_shard_available_action_exception")
        ? " (the copy this read was opened on is gone: its node left the cluster; run the read again)" : "";
  }

  private void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new SearchbridgeException(description + ": unexpected search response, got " + actual + " instead of "
          + expected);
    }
  }
}
