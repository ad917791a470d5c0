package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns one hit into the engine's record straight from the response stream, so that no
 * intermediate map is built per document.
 */
@FunctionalInterface
public interface HitDecoder<T> {

  /**
   * @param source positioned on the {@code START_OBJECT} of {@code _source}, or {@code null} when
   *     the hit has no source; the decoder must consume the whole object
   */
  T decode(HitMetadata metadata, JsonParser source) throws IOException;
}
