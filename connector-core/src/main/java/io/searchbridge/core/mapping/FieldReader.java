package io.searchbridge.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns normalized property definitions (see {@link PropertyTree}) into {@link Field}s. */
final class FieldReader {

  private static final Set<String> STRUCTURAL_KEYS =
      Set.of("type", "properties", "fields", "format");

  private FieldReader() {}

  static List<Field> readAll(String index, String parentPath, JsonNode properties) {
    List<Field> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      fields.add(read(index, join(parentPath, entry.getKey()), entry.getKey(), entry.getValue()));
    }
    return fields;
  }

  static ObjectNode requireObject(String index, String path, JsonNode definition) {
    if (!definition.isObject()) {
      throw new SearchbridgeException(
          "Index [" + index + "]: the mapping of field [" + path + "] is not a JSON object");
    }
    return (ObjectNode) definition;
  }

  static String join(String parentPath, String name) {
    return parentPath.isEmpty() ? name : parentPath + "." + name;
  }

  private static Field read(String index, String path, String name, JsonNode node) {
    ObjectNode definition = requireObject(index, path, node);
    JsonNode typeNode = definition.get("type");
    if (typeNode != null && !typeNode.isTextual()) {
      throw new SearchbridgeException(
          "Index [" + index + "]: field [" + path + "] has a non-string type " + typeNode);
    }
    // Elasticsearch reads a definition without a type as an object.
    String esType = typeNode == null ? FieldType.OBJECT.esName() : typeNode.asText();
    FieldType type = FieldType.fromEsName(esType);
    boolean enabled = definition.path(Field.PARAM_ENABLED).asBoolean(true);
    List<Field> children =
        type.hasChildren() && enabled
            ? readAll(index, path, definition.path("properties"))
            : List.of();
    Optional<String> format =
        Optional.ofNullable(definition.get("format"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText);
    return new Field(
        name,
        path,
        type,
        esType,
        format,
        children,
        readAll(index, path, definition.path("fields")),
        params(definition),
        false);
  }

  private static Map<String, Object> params(ObjectNode definition) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = definition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!STRUCTURAL_KEYS.contains(entry.getKey()) && !entry.getValue().isNull()) {
        params.put(entry.getKey(), toJava(entry.getValue()));
      }
    }
    return params;
  }

  /** Immutable plain-Java copy, so that a Field never exposes Jackson types or shared state. */
  private static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(toJava(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
