package io.searchbridge.mirror;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a document's {@code _source} that ignores what JSON does not mean: whitespace and
 * the order of object keys. Arrays keep their order, which is part of the value. Both clusters'
 * sides are hashed by this one function, so equal documents always have equal checksums.
 */
public final class SourceChecksum {

  private SourceChecksum() {}

  /** Hex SHA-256 of the canonical form; {@code source} is positioned on the {@code _source} object, or null. */
  public static String of(JsonParser source) throws IOException {
    JsonNode tree = source == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(source);
    return of(tree);
  }

  public static String of(JsonNode tree) {
    StringBuilder canonical = new StringBuilder(256);
    write(tree, canonical);
    return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        sorted.put(field.getKey(), field.getValue());
      }
      out.append('{');
      sorted.forEach((name, value) -> {
        out.append(quoted(name)).append(':');
        write(value, out);
        out.append(',');
      });
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(element -> {
        write(element, out);
        out.append(',');
      });
      out.append(']');
    } else {
      // TextNode.toString() quotes and escapes; numbers, booleans and null print their JSON literal.
      out.append(node.toString());
    }
  }

  private static String quoted(String name) {
    return Json.MAPPER.getNodeFactory().textNode(name).toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
