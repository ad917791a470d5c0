package io.searchbridge.core.read;

import java.util.List;

/**
 * One page of hits. {@code lastSort} is the last hit's sort values (for {@code search_after});
 * {@code contextId} the point-in-time id to use for the next page; {@code totalHits}
 * the hits of the whole partition when the response counted them, else -1.
 */
record SearchPage<T>(List<T> hits, List<Object> lastSort, String contextId, long totalHits) {

  SearchPage(List<T> hits, List<Object> lastSort, String contextId) {
    this(hits, lastSort, contextId, -1);
  }
}
