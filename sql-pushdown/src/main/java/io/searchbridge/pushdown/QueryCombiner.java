package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Joins the user's es.query with the pushed filters. */
public final class QueryCombiner {

  private QueryCombiner() {}

  /**
   * Both queries in {@code bool.filter}: pushed filters only narrow the user's query, and filter
   * context skips scoring, which a scan never uses. Without pushed filters the user's query is
   * returned unchanged.
   */
  public static String and(String esQueryJson, Optional<String> pushedFilter) {
    if (pushedFilter.isEmpty()) {
      return esQueryJson;
    }
    ObjectNode user = (ObjectNode) Queries.parse(esQueryJson);
    ObjectNode pushed = (ObjectNode) Queries.parse(pushedFilter.get());
    return Queries.json(Queries.filter(List.of(user, pushed)));
  }
}
