package io.searchbridge.core.query;

/** The string functions with an exact keyword query: LIKE 'v%', LIKE '%v', LIKE '%v%'. */
public enum StringMatch {
  STARTS_WITH,
  ENDS_WITH,
  CONTAINS
}
