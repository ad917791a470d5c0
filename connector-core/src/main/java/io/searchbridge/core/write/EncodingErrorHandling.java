package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure;
import io.searchbridge.core.handler.HandlerChain;
import io.searchbridge.core.handler.HandlerResult;
import io.searchbridge.core.metrics.ConnectorMetrics;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Encodes one engine value into a bulk document under {@code es.write.data.error.handlers}: a value
 * that cannot become JSON (or JSON input that is malformed) goes to the handlers instead of
 * failing the task, unless none takes it. Invalid settings are never handled: they would fail
 * every document the same way.
 */
public final class EncodingErrorHandling implements AutoCloseable {

  private final HandlerChain handlers;
  private final String operation;
  private final String task;

  private EncodingErrorHandling(HandlerChain handlers, String operation, String task) {
    this.handlers = handlers;
    this.operation = operation;
    this.task = task;
  }

  public static EncodingErrorHandling open(Settings settings, String task, ConnectorMetrics metrics) {
    return new EncodingErrorHandling(HandlerChain.open(Failure.Stage.ENCODING, settings, task, metrics),
        settings.get(Keys.WRITE_OPERATION).wireName(), task);
  }

  /**
   * @param position the value's 1-based position in the task
   * @param encoding encodes the value
   * @param rendering the value as handlers see it (JSON input as given, other values as text);
   *     called only on failure
   * @param fromJson builds the document from the JSON a handler asked to retry with
   * @return the document, or empty when a handler took the failure and the value is skipped
   */
  public <T> Optional<T> encode(long position, Supplier<T> encoding, Supplier<byte[]> rendering,
      Function<byte[], T> fromJson) {
    try {
      return Optional.of(encoding.get());
    } catch (InvalidSettingException e) {
      throw e;
    } catch (SearchbridgeException e) {
      if (handlers.isEmpty()) {
        throw e;
      }
      Failure failure = new Failure(Failure.Stage.ENCODING, "", "", operation, 0, e.getClass().getSimpleName(),
          e.getMessage(), rendering.get(), task, position, 0);
      HandlerResult result = handlers.handle(failure);
      return switch (result.kind()) {
        case HANDLED -> Optional.empty();
        case RETRY -> Optional.of(fromJson.apply(result.document()));
        case PASS -> throw e;
      };
    }
  }

  /** Stores what the handlers buffered (dead letters); call before the task acknowledges its documents. */
  public void flush() {
    handlers.flush();
  }

  @Override
  public void close() {
    handlers.close();
  }
}
