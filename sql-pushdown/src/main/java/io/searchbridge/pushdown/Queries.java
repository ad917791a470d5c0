package io.searchbridge.pushdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Builders for the few query DSL shapes the translators emit; filter context only, never scored. */
final class Queries {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Queries() {}

  static ObjectNode matchAll() {
    return wrap("match_all", MAPPER.createObjectNode());
  }

  static ObjectNode matchNone() {
    return wrap("match_none", MAPPER.createObjectNode());
  }

  static ObjectNode term(String path, JsonNode value) {
    return wrap("term", MAPPER.createObjectNode().set(path, value));
  }

  static ObjectNode terms(String path, List<JsonNode> values) {
    ArrayNode array = MAPPER.createArrayNode().addAll(values);
    return wrap("terms", MAPPER.createObjectNode().set(path, array));
  }

  /** One range query; {@code format} (may be null) tells Elasticsearch how to read the bounds. */
  static ObjectNode range(String path, Map<String, JsonNode> bounds, String format) {
    ObjectNode body = MAPPER.createObjectNode();
    bounds.forEach(body::set);
    if (format != null) {
      body.put("format", format);
    }
    return wrap("range", MAPPER.createObjectNode().set(path, body));
  }

  static ObjectNode exists(String path) {
    return wrap("exists", MAPPER.createObjectNode().put("field", path));
  }

  static ObjectNode prefix(String path, String value) {
    return wrap("prefix", MAPPER.createObjectNode().set(path, valueOnly(value)));
  }

  static ObjectNode wildcard(String path, String pattern) {
    return wrap("wildcard", MAPPER.createObjectNode().set(path, valueOnly(pattern)));
  }

  /**
   * All tokens of the value must match. zero_terms_query=all keeps the query a superset of the
   * exact match even when the analyzer removes every token (stop words), so Spark's re-check is
   * enough to make the result right.
   */
  static ObjectNode match(String path, String value) {
    ObjectNode body =
        MAPPER.createObjectNode()
            .put("query", value)
            .put("operator", "and")
            .put("zero_terms_query", "all");
    return wrap("match", MAPPER.createObjectNode().set(path, body));
  }

  static ObjectNode nested(String path, ObjectNode query) {
    return wrap("nested", MAPPER.createObjectNode().put("path", path).set("query", query));
  }

  static ObjectNode filter(List<ObjectNode> queries) {
    return bool("filter", queries);
  }

  static ObjectNode should(List<ObjectNode> queries) {
    ObjectNode bool = bool("should", queries);
    ((ObjectNode) bool.get("bool")).put("minimum_should_match", 1);
    return bool;
  }

  static ObjectNode mustNot(ObjectNode query) {
    return bool("must_not", List.of(query));
  }

  /** Documents where the field has a value and {@code query} does not match. */
  static ObjectNode existsButNot(ObjectNode exists, ObjectNode query) {
    ObjectNode body = MAPPER.createObjectNode();
    body.set("filter", MAPPER.createArrayNode().add(exists));
    body.set("must_not", MAPPER.createArrayNode().add(query));
    return wrap("bool", body);
  }

  static String json(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not valid JSON: " + json, e);
    }
  }

  private static ObjectNode bool(String occur, List<ObjectNode> queries) {
    ObjectNode body = MAPPER.createObjectNode();
    body.set(occur, MAPPER.createArrayNode().addAll(queries));
    return wrap("bool", body);
  }

  private static ObjectNode valueOnly(String value) {
    return MAPPER.createObjectNode().put("value", value);
  }

  private static ObjectNode wrap(String name, JsonNode body) {
    return (ObjectNode) MAPPER.createObjectNode().set(name, body);
  }
}
