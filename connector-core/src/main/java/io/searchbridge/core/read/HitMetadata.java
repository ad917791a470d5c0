package io.searchbridge.core.read;

/**
 * What Elasticsearch reports about a hit before its {@code _source}. {@code score} is NaN when not
 * scored; {@code routing} is {@code null} unless the document was indexed with a custom routing,
 * which a copy must repeat to land in the same shard.
 */
public record HitMetadata(String index, String id, double score, String routing) {

  public HitMetadata(String index, String id, double score) {
    this(index, id, score, null);
  }
}
