package io.searchbridge.core.query;

/** What a field supports in queries, decided once from its mapping ({@link QueryableField#kind()}). */
public enum FieldKind {
  /** keyword, or text whose keyword sub-field takes exact matches. */
  KEYWORD,
  /** text without a keyword sub-field: only full-text matches. */
  TEXT,
  NUMBER,
  DATE,
  BOOLEAN,
  IP,
  UNSUPPORTED
}
