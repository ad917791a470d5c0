package io.searchbridge.bench;

import java.util.Map;

/**
 * A Spark connector as a user meets it: a format name and the settings a user has to give. Both
 * connectors get the same ones: {@code es.nodes}; {@code es.mapping.id} for the write; and, for
 * reads, the one field that holds arrays, which neither can learn from the mapping by default.
 */
record Connector(String name, String format, String nodes) {

  static Connector named(String name, String nodes) {
    return switch (name) {
      case "searchbridge" -> new Connector(name, "searchbridge", nodes);
      case "official" -> new Connector(name, "es", nodes);
      default -> throw new IllegalArgumentException("unknown connector '" + name + "': searchbridge or official");
    };
  }

  Map<String, String> writeOptions() {
    return Map.of("es.nodes", nodes, "es.mapping.id", "id");
  }

  Map<String, String> readOptions() {
    return Map.of("es.nodes", nodes, "es.read.field.as.array.include", SyntheticDocuments.ARRAY_FIELDS);
  }
}
