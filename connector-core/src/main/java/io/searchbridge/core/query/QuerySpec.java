package io.searchbridge.core.query;

import java.io.Serializable;
import java.util.List;

/**
 * What a read asks Elasticsearch for, independent of how it is split: the query object (DSL JSON),
 * the {@code _source} fields to return, and an optional total document limit. Built on the driver
 * (from {@code es.query} and, later, pushed-down filters) and sent to executors as is.
 *
 * @param queryJson a query object such as {@code {"match_all":{}}}
 * @param includes {@code _source} includes; empty means every field
 * @param excludes {@code _source} excludes
 * @param limit the most documents the whole read returns; negative means no limit
 * @param trackScores whether hits carry their {@code _score}: pages are sorted, and sorted searches
 *     skip scoring unless asked (es.read.metadata shows the score)
 */
public record QuerySpec(String queryJson, List<String> includes, List<String> excludes, long limit,
    boolean trackScores) implements Serializable {

  public static final String MATCH_ALL = "{\"match_all\":{}}";

  public QuerySpec {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  public QuerySpec(String queryJson, List<String> includes, List<String> excludes, long limit) {
    this(queryJson, includes, excludes, limit, false);
  }

  public static QuerySpec matchAll() {
    return new QuerySpec(MATCH_ALL, List.of(), List.of(), -1);
  }

  public QuerySpec withSource(List<String> newIncludes, List<String> newExcludes) {
    return new QuerySpec(queryJson, newIncludes, newExcludes, limit, trackScores);
  }

  public QuerySpec withLimit(long newLimit) {
    return new QuerySpec(queryJson, includes, excludes, newLimit, trackScores);
  }

  public QuerySpec withScores(boolean scores) {
    return new QuerySpec(queryJson, includes, excludes, limit, scores);
  }

  public boolean hasLimit() {
    return limit >= 0;
  }
}
