package io.searchbridge.hive;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dotted field paths over {@code _source} maps. Lookups fall back to a case-insensitive match,
 * because Hive lower-cases the names of columns and struct fields while Elasticsearch keeps case.
 */
final class SourceFields {

  private SourceFields() {}

  /** The value at {@code path}: a key holding the whole dotted name wins over nested objects. */
  static Object get(Map<?, ?> source, String path) {
    Object whole = entry(source, path);
    if (whole != null) {
      return whole;
    }
    int dot = path.indexOf('.');
    if (dot < 0) {
      return null;
    }
    Object parent = entry(source, path.substring(0, dot));
    return parent instanceof Map<?, ?> map ? get(map, path.substring(dot + 1)) : null;
  }

  static Object entry(Map<?, ?> map, String name) {
    Object exact = map.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Puts {@code value} at {@code path}, creating the objects a dotted path goes through. */
  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> document, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      document.put(path, value);
      return;
    }
    Object child = document.computeIfAbsent(path.substring(0, dot), key -> new LinkedHashMap<String, Object>());
    put((Map<String, Object>) child, path.substring(dot + 1), value);
  }
}
