package io.searchbridge.core.config;

import java.util.Locale;

/** The bulk action each written document becomes; configured by its lower-case name. */
public enum WriteOperation {
  INDEX,
  CREATE,
  UPDATE,
  UPSERT,
  DELETE;

  /** The name users write in {@code es.write.operation}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive inverse of {@link #wireName()}. */
  public static WriteOperation parse(String raw) {
    return Keys.WRITE_OPERATION.parse(raw);
  }
}
