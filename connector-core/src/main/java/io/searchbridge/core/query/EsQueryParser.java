package io.searchbridge.core.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code es.query} in the three forms ES-Hadoop accepts: a URI query ({@code ?q=user:kimchy}),
 * query DSL (either {@code {"query":{...}}} or the bare query object), or {@code @path} to a file
 * holding either. Returns the bare query object as JSON.
 */
public final class EsQueryParser {

  private static final String KEY = "es.query";

  private EsQueryParser() {}

  public static String parse(Optional<String> esQuery) {
    return esQuery.map(String::trim).filter(q -> !q.isEmpty()).map(EsQueryParser::parse).orElse(QuerySpec.MATCH_ALL);
  }

  static String parse(String query) {
    if (query.startsWith("@")) {
      return parse(readFile(query.substring(1)).trim());
    }
    if (query.startsWith("?")) {
      return fromUri(query.substring(1));
    }
    if (query.startsWith("{")) {
      return fromDsl(query);
    }
    throw new InvalidSettingException(KEY,
        KEY + " must be a URI query (?q=...), query DSL JSON ({...}) or @file; got: " + abbreviate(query));
  }

  private static String fromDsl(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidSettingException(KEY, KEY + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject() || node.isEmpty()) {
      throw new InvalidSettingException(KEY, KEY + " must be a non-empty JSON object");
    }
    JsonNode query = node.has("query") ? node.get("query") : node;
    if (node.has("query") && node.size() > 1) {
      throw new InvalidSettingException(KEY, KEY + " may hold only a query; other search sections are not supported: "
          + abbreviate(json));
    }
    return query.toString();
  }

  private static String fromUri(String params) {
    ObjectNode queryString = Json.MAPPER.createObjectNode();
    for (String pair : params.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (name) {
        case "q" -> queryString.put("query", value);
        case "df" -> queryString.put("default_field", value);
        case "default_operator" -> queryString.put("default_operator", value);
        case "analyzer" -> queryString.put("analyzer", value);
        case "lenient" -> queryString.put("lenient", Boolean.parseBoolean(value));
        default -> throw new InvalidSettingException(KEY,
            KEY + " URI parameter '" + name + "' is not supported; use q, df, default_operator, analyzer or lenient");
      }
    }
    if (!queryString.has("query")) {
      throw new InvalidSettingException(KEY, KEY + " URI query needs a q parameter, e.g. ?q=status:active");
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("query_string", queryString);
    return root.toString();
  }

  private static String readFile(String location) {
    try {
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new InvalidSettingException(KEY, "cannot read the " + KEY + " file '" + location + "': " + e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
