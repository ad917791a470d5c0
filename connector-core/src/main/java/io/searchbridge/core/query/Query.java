package io.searchbridge.core.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query in Elasticsearch's DSL as a typed value, for the few shapes the connector builds (filter
 * context only, never scored). Translators pass these between modules; the JSON is written once, at
 * the edge, by {@link #toJson()}.
 */
public sealed interface Query {

  /** This query as its DSL object. */
  ObjectNode toDsl();

  /** This query as DSL JSON text. */
  default String toJson() {
    return toDsl().toString();
  }

  record MatchAll() implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("match_all", Json.MAPPER.createObjectNode());
    }
  }

  record MatchNone() implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("match_none", Json.MAPPER.createObjectNode());
    }
  }

  record Term(String field, JsonNode value) implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("term", Json.MAPPER.createObjectNode().set(field, value));
    }
  }

  record Terms(String field, List<JsonNode> values) implements Query {
    public Terms {
      values = List.copyOf(values);
    }

    @Override
    public ObjectNode toDsl() {
      ArrayNode array = Json.MAPPER.createArrayNode().addAll(values);
      return wrap("terms", Json.MAPPER.createObjectNode().set(field, array));
    }
  }

  /**
   * @param bounds written in the order of {@link RangeBound} (gt, gte, lt, lte)
   * @param format how Elasticsearch reads the bounds (dates), whatever the mapping's own format
   */
  record Range(String field, Map<RangeBound, JsonNode> bounds, Optional<String> format) implements Query {
    public Range {
      bounds = RangeBound.ordered(bounds);
    }

    @Override
    public ObjectNode toDsl() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      bounds.forEach((bound, value) -> body.set(bound.dslName(), value));
      format.ifPresent(f -> body.put("format", f));
      return wrap("range", Json.MAPPER.createObjectNode().set(field, body));
    }
  }

  record Exists(String field) implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("exists", Json.MAPPER.createObjectNode().put("field", field));
    }
  }

  record Prefix(String field, String value) implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("prefix", Json.MAPPER.createObjectNode().set(field, Json.MAPPER.createObjectNode().put("value", value)));
    }
  }

  /** @param pattern with {@code *}, {@code ?} and {@code \} already meaning wildcard syntax */
  record Wildcard(String field, String pattern) implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("wildcard", Json.MAPPER.createObjectNode().set(field, Json.MAPPER.createObjectNode().put("value", pattern)));
    }
  }

  /**
   * All tokens of the value must match. zero_terms_query=all keeps the query a superset of the
   * exact match even when the analyzer removes every token (stop words), so the engine's re-check
   * is enough to make the result right.
   */
  record Match(String field, String text) implements Query {
    @Override
    public ObjectNode toDsl() {
      ObjectNode body = Json.MAPPER.createObjectNode()
          .put("query", text)
          .put("operator", "and")
          .put("zero_terms_query", "all");
      return wrap("match", Json.MAPPER.createObjectNode().set(field, body));
    }
  }

  record Nested(String path, Query query) implements Query {
    @Override
    public ObjectNode toDsl() {
      return wrap("nested", Json.MAPPER.createObjectNode().put("path", path).set("query", query.toDsl()));
    }
  }

  /**
   * A bool query in filter context; with {@code should} clauses at least one must match. Empty
   * clause lists are left out of the JSON.
   */
  record Bool(List<Query> filter, List<Query> should, List<Query> mustNot) implements Query {
    public Bool {
      filter = List.copyOf(filter);
      should = List.copyOf(should);
      mustNot = List.copyOf(mustNot);
    }

    @Override
    public ObjectNode toDsl() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      clause(body, "filter", filter);
      clause(body, "should", should);
      clause(body, "must_not", mustNot);
      if (!should.isEmpty()) {
        body.put("minimum_should_match", 1);
      }
      return wrap("bool", body);
    }

    private static void clause(ObjectNode body, String occur, List<Query> queries) {
      if (!queries.isEmpty()) {
        ArrayNode array = body.putArray(occur);
        queries.forEach(q -> array.add(q.toDsl()));
      }
    }
  }

  /** A query written by the user ({@code es.query}), taken as it is. */
  record Dsl(ObjectNode dsl) implements Query {
    public Dsl {
      dsl = dsl.deepCopy();
    }

    /** @throws IllegalArgumentException naming the text when it is not a JSON object */
    public static Dsl parse(String json) {
      try {
        JsonNode node = Json.MAPPER.readTree(json);
        if (node instanceof ObjectNode object) {
          return new Dsl(object);
        }
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Not valid JSON: " + json, e);
      }
      throw new IllegalArgumentException("Not a JSON object: " + json);
    }

    @Override
    public ObjectNode toDsl() {
      return dsl.deepCopy();
    }
  }

  static Query matchAll() {
    return new MatchAll();
  }

  static Query matchNone() {
    return new MatchNone();
  }

  static Query filter(List<Query> queries) {
    return new Bool(queries, List.of(), List.of());
  }

  static Query should(List<Query> queries) {
    return new Bool(List.of(), queries, List.of());
  }

  static Query mustNot(Query query) {
    return new Bool(List.of(), List.of(), List.of(query));
  }

  /** Documents where the field has a value ({@code exists}) and {@code query} does not match. */
  static Query existsButNot(Query exists, Query query) {
    return new Bool(List.of(exists), List.of(), List.of(query));
  }

  private static ObjectNode wrap(String name, JsonNode body) {
    return (ObjectNode) Json.MAPPER.createObjectNode().set(name, body);
  }
}
