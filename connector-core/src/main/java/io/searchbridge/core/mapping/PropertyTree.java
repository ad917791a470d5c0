package io.searchbridge.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.SearchbridgeException;
import java.util.Iterator;
import java.util.Map;

/**
 * Rewrites a mapping's {@code properties} and {@code runtime} sections into one tree of plain
 * object definitions, the shape Elasticsearch itself gives them: {@code "a.b": {...}} becomes
 * {@code "a": {"properties": {"b": {...}}}} (merged with any {@code "a"} already there), unless the
 * enclosing object says {@code "subobjects": false}. Works on copies; the caller's tree is left
 * alone.
 */
final class PropertyTree {

  private PropertyTree() {}

  static ObjectNode build(String index, JsonNode mappings) {
    ObjectNode root = normalize(index, "", mappings.path("properties"), expandsDots(mappings));
    for (Iterator<Map.Entry<String, JsonNode>> it = mappings.path("runtime").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      ObjectNode definition =
          FieldReader.requireObject(index, entry.getKey(), entry.getValue()).deepCopy();
      definition.put(Field.PARAM_RUNTIME, true);
      insertRuntime(root, entry.getKey(), definition);
    }
    return root;
  }

  private static ObjectNode normalize(
      String index, String parentPath, JsonNode properties, boolean expandDots) {
    ObjectNode level = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      ObjectNode definition =
          FieldReader.requireObject(index, FieldReader.join(parentPath, name), entry.getValue())
              .deepCopy();
      int dot = name.indexOf('.');
      if (expandDots && dot > 0 && dot < name.length() - 1) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.putObject("properties").set(name.substring(dot + 1), definition);
        merge(index, parentPath, level, name.substring(0, dot), wrapper);
      } else {
        merge(index, parentPath, level, name, definition);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = level.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      ObjectNode definition = (ObjectNode) entry.getValue();
      if (isContainer(definition) && definition.has("properties")) {
        String path = FieldReader.join(parentPath, entry.getKey());
        definition.set(
            "properties",
            normalize(index, path, definition.get("properties"), expandsDots(definition)));
      }
    }
    return level;
  }

  /**
   * Merges one definition into a level, the way Elasticsearch merges dotted and object notation.
   */
  private static void merge(
      String index, String parentPath, ObjectNode level, String name, ObjectNode definition) {
    JsonNode existing = level.get(name);
    if (existing == null) {
      level.set(name, definition);
      return;
    }
    String path = FieldReader.join(parentPath, name);
    boolean typesDiffer =
        existing.has("type")
            && definition.has("type")
            && !existing.get("type").equals(definition.get("type"));
    if (!isContainer(existing) || !isContainer(definition) || typesDiffer) {
      throw new SearchbridgeException(
          String.format(
              "Index [%s]: field [%s] is mapped twice (as %s and as %s); dotted and object"
                  + " notation must agree",
              index, path, typeOf(existing), typeOf(definition)));
    }
    ObjectNode target = (ObjectNode) existing;
    for (Iterator<Map.Entry<String, JsonNode>> it = definition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getKey().equals("properties")) {
        target.putIfAbsent(entry.getKey(), entry.getValue());
      }
    }
    ObjectNode targetProperties = propertiesOf(target);
    for (Iterator<Map.Entry<String, JsonNode>> it = definition.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      merge(
          index,
          path,
          targetProperties,
          entry.getKey(),
          FieldReader.requireObject(
              index, FieldReader.join(path, entry.getKey()), entry.getValue()));
    }
  }

  /**
   * A runtime field replaces a mapped field of the same path, as it shadows it in search. A dotted
   * runtime name below a leaf field stays one flat name, because Elasticsearch allows that too.
   */
  private static void insertRuntime(ObjectNode level, String name, ObjectNode definition) {
    int dot = name.indexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      JsonNode parent = level.get(name.substring(0, dot));
      if (parent == null) {
        parent = level.putObject(name.substring(0, dot));
      }
      if (isContainer(parent)) {
        insertRuntime(propertiesOf((ObjectNode) parent), name.substring(dot + 1), definition);
        return;
      }
    }
    level.set(name, definition);
  }

  private static ObjectNode propertiesOf(ObjectNode definition) {
    JsonNode properties = definition.get("properties");
    return properties instanceof ObjectNode objectNode
        ? objectNode
        : definition.putObject("properties");
  }

  private static boolean expandsDots(JsonNode objectDefinition) {
    return objectDefinition.path("subobjects").asBoolean(true);
  }

  private static boolean isContainer(JsonNode definition) {
    return FieldType.fromEsName(typeOf(definition)).hasChildren();
  }

  private static String typeOf(JsonNode definition) {
    return definition.path("type").asText(FieldType.OBJECT.esName());
  }
}
