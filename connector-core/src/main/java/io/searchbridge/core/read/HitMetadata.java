package io.searchbridge.core.read;

/** What Elasticsearch reports about a hit before its {@code _source}. {@code score} is NaN when not scored. */
public record HitMetadata(String index, String id, double score) {}
