package io.searchbridge.core.query;

import java.util.List;
import java.util.Optional;

/** Joins the user's es.query with the filters an engine pushed. */
public final class QueryCombiner {

  private QueryCombiner() {}

  /**
   * Both queries in {@code bool.filter}: pushed filters only narrow the user's query, and filter
   * context skips scoring, which a scan never uses. Without pushed filters the user's query is
   * returned unchanged.
   *
   * @throws IllegalArgumentException naming the JSON when the user's query is not a JSON object
   */
  public static String and(String esQueryJson, Optional<Query> pushedFilter) {
    if (pushedFilter.isEmpty()) {
      return esQueryJson;
    }
    return Query.filter(List.of(Query.Dsl.parse(esQueryJson), pushedFilter.get())).toJson();
  }
}
