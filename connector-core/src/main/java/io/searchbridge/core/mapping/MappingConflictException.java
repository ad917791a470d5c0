package io.searchbridge.core.mapping;

import io.searchbridge.core.SearchbridgeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The indexes a resource resolves to map one field path to types no single type can read. */
public class MappingConflictException extends SearchbridgeException {

  private final String fieldPath;
  private final Map<String, String> typeByIndex;

  public MappingConflictException(String fieldPath, Map<String, String> typeByIndex) {
    super(message(fieldPath, typeByIndex));
    this.fieldPath = fieldPath;
    this.typeByIndex = Collections.unmodifiableMap(new LinkedHashMap<>(typeByIndex));
  }

  public String fieldPath() {
    return fieldPath;
  }

  /** The raw Elasticsearch type of the field in each index that maps it, in response order. */
  public Map<String, String> typeByIndex() {
    return typeByIndex;
  }

  // Grouped by type, so that a pattern over hundreds of daily indexes still gives a readable line.
  private static String message(String fieldPath, Map<String, String> typeByIndex) {
    Map<String, List<String>> indexesByType =
        typeByIndex.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getValue,
                    LinkedHashMap::new,
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    String types =
        indexesByType.entrySet().stream()
            .map(e -> "[" + e.getKey() + "] in " + e.getValue())
            .collect(Collectors.joining(", "));
    return String.format(
        "Field [%s] has incompatible types across indexes: %s. Read fewer indexes, exclude the"
            + " field (es.read.field.exclude) or reindex with one type.",
        fieldPath, types);
  }
}
