package io.searchbridge.core.handler;

/** Built-in {@code drop}: the document is left out without a log line; only the metrics count it. */
final class DropHandler implements ErrorHandler {

  @Override
  public HandlerResult handle(Failure failure) {
    return HandlerResult.handled();
  }
}
