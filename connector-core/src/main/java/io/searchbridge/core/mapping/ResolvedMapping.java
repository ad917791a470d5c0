package io.searchbridge.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The merged view of every index a resource (index, alias, pattern) resolves to.
 *
 * @param indexes the concrete indexes, in response order
 * @param fields the union of their fields, in order of first appearance
 */
public record ResolvedMapping(List<String> indexes, List<Field> fields) {

  public ResolvedMapping {
    indexes = List.copyOf(indexes);
    fields = List.copyOf(fields);
  }

  public Optional<Field> find(String dottedPath) {
    return FieldPaths.find(fields, dottedPath);
  }

  /**
   * Value-carrying fields, depth first. Objects with children are replaced by their children;
   * nested fields stay whole because their values are arrays of documents. Objects without children
   * (enabled: false, or no properties yet) are leaves: their _source value is opaque JSON.
   */
  public List<Field> leaves() {
    List<Field> leaves = new ArrayList<>();
    collectLeaves(fields, leaves);
    return leaves;
  }

  private static void collectLeaves(List<Field> level, List<Field> into) {
    for (Field field : level) {
      boolean expandable = field.type().hasChildren() && field.type() != FieldType.NESTED;
      if (expandable && !field.children().isEmpty()) {
        collectLeaves(field.children(), into);
      } else {
        into.add(field);
      }
    }
  }
}
