package io.searchbridge.core.write;

/**
 * Per-document bulk metadata the engine extracted ({@code es.mapping.id}, {@code .routing},
 * {@code .version}). Each value is {@code null} when absent; a record per document must stay cheap.
 */
public record DocumentMetadata(String id, String routing, String version) {

  private static final DocumentMetadata NONE = new DocumentMetadata(null, null, null);

  public static DocumentMetadata none() {
    return NONE;
  }

  public static DocumentMetadata withId(String id) {
    return new DocumentMetadata(id, null, null);
  }
}
