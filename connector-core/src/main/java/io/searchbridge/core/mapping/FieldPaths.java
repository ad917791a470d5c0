package io.searchbridge.core.mapping;

import java.util.List;
import java.util.Optional;

/** Path lookup shared by {@link IndexMapping} and {@link ResolvedMapping}. */
final class FieldPaths {

  private FieldPaths() {}

  /**
   * Matches on full paths rather than splitting on dots, because names may legitimately contain
   * dots (objects with {@code subobjects: false}, runtime fields below a leaf). Multi-fields are
   * found too ({@code "title.keyword"}).
   */
  static Optional<Field> find(List<Field> fields, String dottedPath) {
    for (Field field : fields) {
      if (field.path().equals(dottedPath)) {
        return Optional.of(field);
      }
      if (dottedPath.startsWith(field.path() + ".")) {
        Optional<Field> found =
            find(field.children(), dottedPath).or(() -> find(field.subFields(), dottedPath));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
