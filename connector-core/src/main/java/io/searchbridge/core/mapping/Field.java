package io.searchbridge.core.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of an index mapping.
 *
 * @param name the last segment of {@link #path()}
 * @param path the full dotted path, as used in queries and {@code _source} filtering
 * @param esType the raw {@code "type"} of the mapping; the only type information for {@link
 *     FieldType#UNKNOWN}
 * @param format the {@code format} parameter (date formats); formats of merged indexes are joined
 *     with {@code ||}, which Elasticsearch's date format syntax reads as alternatives
 * @param children object, nested and passthrough properties, in mapping order
 * @param subFields multi-fields (the {@code fields} parameter); they exist only in the index, never
 *     in {@code _source}
 * @param params every other mapping parameter (scaling_factor, dims, path of an alias, relations of
 *     a join, null_value, ...) as plain Java values, plus the markers named by the constants below
 * @param array whether the field was declared an array by {@link ArrayFieldRules}
 */
public record Field(
    String name,
    String path,
    FieldType type,
    String esType,
    Optional<String> format,
    List<Field> children,
    List<Field> subFields,
    Map<String, Object> params,
    boolean array) {

  /**
   * Present (true) on runtime fields: their values are computed by a script and are not in {@code
   * _source}; a reader must request them through the search {@code fields} option.
   */
  public static final String PARAM_RUNTIME = "runtime";

  /** False on objects mapped with {@code "enabled": false}: stored in _source, never parsed. */
  public static final String PARAM_ENABLED = "enabled";

  /** Target of an {@code alias} field. */
  public static final String PARAM_ALIAS_PATH = "path";

  /** Array nesting declared by {@link ArrayFieldRules} (1 = array, 2 = array of arrays, ...). */
  public static final String PARAM_ARRAY_DEPTH = "array.depth";

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(esType, "esType");
    Objects.requireNonNull(format, "format");
    children = List.copyOf(children);
    subFields = List.copyOf(subFields);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public Optional<Field> subField(String subFieldName) {
    return subFields.stream().filter(f -> f.name().equals(subFieldName)).findFirst();
  }

  /** The first {@code keyword} multi-field: the target of exact-match filters on a text field. */
  public Optional<Field> keywordSubField() {
    return subFields.stream().filter(f -> f.type() == FieldType.KEYWORD).findFirst();
  }

  Field withChildren(List<Field> newChildren) {
    return new Field(name, path, type, esType, format, newChildren, subFields, params, array);
  }

  Field asArray(int depth) {
    Map<String, Object> newParams = new LinkedHashMap<>(params);
    newParams.put(PARAM_ARRAY_DEPTH, depth);
    return new Field(name, path, type, esType, format, children, subFields, newParams, true);
  }
}
