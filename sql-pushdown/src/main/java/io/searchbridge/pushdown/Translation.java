package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A predicate in query DSL, kept as two queries because SQL has three truth values: {@code
 * whenTrue} matches the rows where the predicate is TRUE, {@code whenFalse} the rows where it is
 * FALSE; rows where it is NULL match neither. NOT swaps the two, which is how NOT(a = 1) excludes
 * rows without {@code a}, as SQL does, where a bare must_not would include them.
 *
 * @param whenTrue the TRUE rows exactly, or a superset of them when not {@code exact}
 * @param whenFalse the FALSE rows; only known for exact translations (the complement of a superset
 *     would lose rows)
 * @param exact whether {@code whenTrue} matches exactly the TRUE rows, so Spark need not re-check
 */
record Translation(ObjectNode whenTrue, Optional<ObjectNode> whenFalse, boolean exact) {

  Translation {
    if (!exact && whenFalse.isPresent()) {
      throw new IllegalArgumentException("only exact translations know their FALSE rows");
    }
  }

  static Translation exact(ObjectNode whenTrue, ObjectNode whenFalse) {
    return new Translation(whenTrue, Optional.of(whenFalse), true);
  }

  /** A translation whose rows Spark must re-check. */
  static Translation superset(ObjectNode whenTrue) {
    return new Translation(whenTrue, Optional.empty(), false);
  }

  /** NOT: possible only when the FALSE rows are known. */
  Optional<Translation> negate() {
    return whenFalse.map(falseRows -> exact(falseRows, whenTrue));
  }

  /** AND of the translated children; {@code complete} says whether no child was left out. */
  static Translation all(List<Translation> parts, boolean complete) {
    ObjectNode whenTrue = combine(parts.stream().map(Translation::whenTrue).toList(), true);
    if (!complete || !parts.stream().allMatch(Translation::exact)) {
      return superset(whenTrue);
    }
    // NOT(a AND b) is TRUE when either is FALSE.
    return exact(whenTrue, combine(parts.stream().map(t -> t.whenFalse().orElseThrow()).toList(), false));
  }

  /** OR of every child (an OR with an untranslatable child cannot be pushed at all). */
  static Translation any(List<Translation> parts) {
    ObjectNode whenTrue = combine(parts.stream().map(Translation::whenTrue).toList(), false);
    if (!parts.stream().allMatch(Translation::exact)) {
      return superset(whenTrue);
    }
    return exact(whenTrue, combine(parts.stream().map(t -> t.whenFalse().orElseThrow()).toList(), true));
  }

  private static ObjectNode combine(List<ObjectNode> queries, boolean conjunction) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    return conjunction ? Queries.filter(queries) : Queries.should(queries);
  }
}
