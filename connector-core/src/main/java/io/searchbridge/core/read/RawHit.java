package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonGenerator;
import io.searchbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A hit with its {@code _source} kept as JSON: for JSON-returning APIs and for tools that only pass documents on. */
public record RawHit(HitMetadata metadata, byte[] source) {

  /** Copies each {@code _source} token by token, which also normalises its whitespace. */
  public static final HitDecoder<RawHit> DECODER = (metadata, source) -> {
    if (source == null) {
      return new RawHit(metadata, "{}".getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(source);
    }
    return new RawHit(metadata, out.toByteArray());
  };

  public String sourceAsString() {
    return new String(source, StandardCharsets.UTF_8);
  }
}
