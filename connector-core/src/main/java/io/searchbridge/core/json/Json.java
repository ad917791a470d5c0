package io.searchbridge.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The one Jackson configuration of the connector; factories are thread-safe and costly to build. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  /**
   * A generator for callers that write many separate JSON values through one generator (creating
   * one per value costs more than a small value): no separator between root values, since the
   * caller frames them.
   */
  public static JsonGenerator framedGenerator(OutputStream out) {
    try {
      JsonGenerator generator = FACTORY.createGenerator(out);
      generator.setRootValueSeparator(null);
      return generator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
