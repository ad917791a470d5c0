package io.searchbridge.core.handler;

import java.util.Objects;

/** What an {@link ErrorHandler} decided for one failure. */
public record HandlerResult(Kind kind, byte[] document) {

  public enum Kind {
    /** Dealt with: the document is not written (or read), and the task goes on. */
    HANDLED,
    /** Not this handler's business: ask the next one (the last one fails the task). */
    PASS,
    /** Try the document again, as given; bounded by {@code es.batch.write.retry.count}. */
    RETRY
  }

  private static final HandlerResult HANDLED = new HandlerResult(Kind.HANDLED, null);
  private static final HandlerResult PASS = new HandlerResult(Kind.PASS, null);

  public HandlerResult {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.RETRY) {
      Objects.requireNonNull(document, "a retry needs the document to try again");
    }
  }

  public static HandlerResult handled() {
    return HANDLED;
  }

  public static HandlerResult pass() {
    return PASS;
  }

  /** @param document the document to send (or decode) again: the original bytes or a corrected version */
  public static HandlerResult retry(byte[] document) {
    return new HandlerResult(Kind.RETRY, document);
  }
}
