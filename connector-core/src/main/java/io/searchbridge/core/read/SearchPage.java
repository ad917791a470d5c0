package io.searchbridge.core.read;

import java.util.List;

/**
 * One page of hits. {@code lastSort} is the last hit's sort values (for {@code search_after});
 * {@code contextId} the point-in-time or scroll id to use for the next page.
 */
record SearchPage<T>(List<T> hits, List<Object> lastSort, String contextId) {}
