package io.searchbridge.core.write;

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
 * Streams a {@code _bulk} response and returns the items that failed. Items are matched to entries
 * by position; a response whose item count differs from what was sent is an error, because
 * acknowledging documents Elasticsearch never mentioned could lose them.
 */
final class BulkResponseParser {

  private BulkResponseParser() {}

  static List<BulkItemFailure> failures(InputStream body, int sentItems) throws IOException {
    List<BulkItemFailure> failures = new ArrayList<>();
    int items = 0;
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new SearchbridgeException("unexpected _bulk response: not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("items")) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            parser.nextToken(); // the operation name
            parser.nextToken();
            readItem(parser, items++, failures);
            parser.nextToken(); // end of the item wrapper
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    if (items != sentItems) {
      throw new SearchbridgeException("_bulk response lists " + items + " items for " + sentItems
          + " documents sent; not acknowledging this batch");
    }
    return failures;
  }

  private static void readItem(JsonParser parser, int item, List<BulkItemFailure> failures) throws IOException {
    String index = "";
    String id = "";
    int status = 0;
    JsonNode error = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "_index" -> index = parser.getText();
        case "_id" -> id = parser.getText();
        case "status" -> status = parser.getIntValue();
        case "error" -> error = Json.MAPPER.readTree(parser);
        default -> parser.skipChildren();
      }
    }
    // A delete of a missing document answers 404 without an error: the document is gone, as asked.
    if (error != null) {
      failures.add(new BulkItemFailure(item, index, id, status, error.path("type").asText(""), reason(error)));
    }
  }

  private static String reason(JsonNode error) {
    StringBuilder reason = new StringBuilder(error.path("reason").asText(error.toString()));
    JsonNode cause = error.path("caused_by");
    if (cause.isObject()) {
      reason.append(" (caused by ").append(cause.path("type").asText("")).append(": ")
          .append(cause.path("reason").asText("")).append(')');
    }
    return reason.toString();
  }
}
