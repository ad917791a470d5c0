package io.searchbridge.core.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.handler.HandlerResult;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Decodes hits under {@code es.read.data.error.handlers} and the engine's own policy for what no
 * handler takes. To hand the failed {@code _source} to a handler it must still exist after a
 * decoder gave up half-way, so each {@code _source} is first copied; that copy is made only when a
 * handler or a policy is configured, which is why plain reads stay a single streaming pass.
 */
public final class DecodingErrorHandling<T> implements HitDecoder<T> {

  /** What the engine makes of a hit that no handler took: throw, {@code null} to skip it, or a substitute record. */
  @FunctionalInterface
  public interface Unhandled<T> {
    T decide(HitMetadata hit, byte[] source, RuntimeException error);

    static <T> Unhandled<T> fail() {
      return (hit, source, error) -> {
        throw error;
      };
    }
  }

  private final HitDecoder<T> decoder;
  private final HandlerChain handlers;
  private final Unhandled<T> unhandled;
  private final String task;
  private final ConnectorMetrics metrics;

  DecodingErrorHandling(HitDecoder<T> decoder, HandlerChain handlers, Unhandled<T> unhandled, String task,
      ConnectorMetrics metrics) {
    this.decoder = decoder;
    this.handlers = handlers;
    this.unhandled = unhandled;
    this.task = task;
    this.metrics = metrics;
  }

  @Override
  public T decode(HitMetadata hit, JsonParser source) throws IOException {
    byte[] copy = copy(source);
    try {
      return decodeCopy(hit, copy);
    } catch (RuntimeException e) {
      Failure failure = new Failure(Failure.Stage.DECODING, nullToEmpty(hit.index()), nullToEmpty(hit.id()), "read", 0,
          e.getClass().getSimpleName(), e.getMessage(), copy == null ? new byte[0] : copy, task, 0, 0);
      HandlerResult result = handlers.handle(failure);
      return switch (result.kind()) {
        case HANDLED -> null;
        case RETRY -> decodeCopy(hit, result.document());
        case PASS -> counted(unhandled.decide(hit, copy, e));
      };
    }
  }

  /** The engine's policy took the hit (it did not throw): a skipped hit is dropped, a substitute handled. */
  private T counted(T record) {
    metrics.add(record == null ? Counter.DOCS_DROPPED : Counter.DOCS_HANDLED, 1);
    return record;
  }

  private T decodeCopy(HitMetadata hit, byte[] copy) throws IOException {
    if (copy == null) {
      return decoder.decode(hit, null);
    }
    try (JsonParser parser = Json.FACTORY.createParser(copy)) {
      parser.nextToken();
      return decoder.decode(hit, parser);
    }
  }

  private static byte[] copy(JsonParser source) throws IOException {
    if (source == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(source);
    }
    return out.toByteArray();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
