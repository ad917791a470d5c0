package io.searchbridge.core.query;

import java.io.Serializable;
import java.util.List;

/**
 * What a read asks Elasticsearch for, independent of how it is split: the query object (DSL JSON),
 * the {@code _source} fields to return, an optional per-partition limit and sort. Built on the
 * driver (from {@code es.query} and pushed-down operations) and sent to executors as is.
 *
 * @param queryJson a query object such as {@code {"match_all":{}}}
 * @param includes {@code _source} includes; empty means every field
 * @param excludes {@code _source} excludes
 * @param limit the most documents each partition returns; negative means no limit
 * @param sortJson a sort array (e.g. {@code [{"price":{"order":"desc"}}]}), or empty for index order
 * @param trackScores whether hits carry their {@code _score}: pages are sorted, and sorted searches
 *     skip scoring unless asked (es.read.metadata shows the score)
 */
public record QuerySpec(String queryJson, List<String> includes, List<String> excludes, long limit, String sortJson,
    boolean trackScores) implements Serializable {

  public static final String MATCH_ALL = "{\"match_all\":{}}";

  public QuerySpec {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    sortJson = sortJson == null ? "" : sortJson;
  }

  /** A query in index order without scores, the common case. */
  public QuerySpec(String queryJson, List<String> includes, List<String> excludes, long limit) {
    this(queryJson, includes, excludes, limit, "", false);
  }

  public static QuerySpec matchAll() {
    return new QuerySpec(MATCH_ALL, List.of(), List.of(), -1);
  }

  public QuerySpec withSource(List<String> newIncludes, List<String> newExcludes) {
    return new QuerySpec(queryJson, newIncludes, newExcludes, limit, sortJson, trackScores);
  }

  public QuerySpec withLimit(long newLimit) {
    return new QuerySpec(queryJson, includes, excludes, newLimit, sortJson, trackScores);
  }

  public QuerySpec withScores(boolean scores) {
    return new QuerySpec(queryJson, includes, excludes, limit, sortJson, scores);
  }

  public boolean isSorted() {
    return !sortJson.isEmpty();
  }

  public boolean hasLimit() {
    return limit >= 0;
  }
}
