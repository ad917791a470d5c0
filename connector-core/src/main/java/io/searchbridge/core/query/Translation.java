package io.searchbridge.core.query;

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
 * @param exact whether {@code whenTrue} matches exactly the TRUE rows, so the engine need not
 *     re-check
 */
public record Translation(Query whenTrue, Optional<Query> whenFalse, boolean exact) {

  public Translation {
    if (!exact && whenFalse.isPresent()) {
      throw new IllegalArgumentException("only exact translations know their FALSE rows");
    }
  }

  public static Translation exact(Query whenTrue, Query whenFalse) {
    return new Translation(whenTrue, Optional.of(whenFalse), true);
  }

  /** A translation whose rows the engine must re-check. */
  public static Translation superset(Query whenTrue) {
    return new Translation(whenTrue, Optional.empty(), false);
  }

  /** TRUE for no row, FALSE for none either: a comparison with NULL. */
  public static Translation neverTrueNorFalse() {
    return exact(Query.matchNone(), Query.matchNone());
  }

  /** NOT: possible only when the FALSE rows are known. */
  public Optional<Translation> negate() {
    return whenFalse.map(falseRows -> exact(falseRows, whenTrue));
  }

  /** AND of the translated children; {@code complete} says whether no child was left out. */
  public static Translation all(List<Translation> parts, boolean complete) {
    Query whenTrue = combine(parts.stream().map(Translation::whenTrue).toList(), true);
    if (!complete || !parts.stream().allMatch(Translation::exact)) {
      return superset(whenTrue);
    }
    // NOT(a AND b) is TRUE when either is FALSE.
    return exact(whenTrue, combine(parts.stream().map(t -> t.whenFalse().orElseThrow()).toList(), false));
  }

  /** OR of every child (an OR with an untranslatable child cannot be pushed at all). */
  public static Translation any(List<Translation> parts) {
    Query whenTrue = combine(parts.stream().map(Translation::whenTrue).toList(), false);
    if (!parts.stream().allMatch(Translation::exact)) {
      return superset(whenTrue);
    }
    return exact(whenTrue, combine(parts.stream().map(t -> t.whenFalse().orElseThrow()).toList(), true));
  }

  private static Query combine(List<Query> queries, boolean conjunction) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    return conjunction ? Query.filter(queries) : Query.should(queries);
  }
}
