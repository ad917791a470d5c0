package io.searchbridge.core.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mapping of one concrete index.
 *
 * @param fields top-level fields in mapping order
 * @param dynamicStrict whether the root declares {@code "dynamic": "strict"}, so that writing an
 *     unmapped field fails
 */
public record IndexMapping(String index, List<Field> fields, boolean dynamicStrict) {

  public IndexMapping {
    Objects.requireNonNull(index, "index");
    fields = List.copyOf(fields);
  }

  public Optional<Field> find(String dottedPath) {
    return FieldPaths.find(fields, dottedPath);
  }
}
