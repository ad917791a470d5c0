package io.searchbridge.core.client;

import io.searchbridge.core.SearchbridgeException;
import java.time.Duration;

/**
 * Bounded exponential backoff: attempt n (0-based) waits {@code baseWait * 2^n}, capped at {@code
 * maxWait}. No jitter, so that behaviour under test is reproducible; concurrent tasks are already
 * de-synchronised by their different start times.
 */
public record RetryPolicy(int maxRetries, Duration baseWait, Duration maxWait) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
  }

  public static RetryPolicy none() {
    return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
  }

  /** Waits before retry {@code attempt}; an interrupt ends the wait and the retries. */
  public Duration sleep(int attempt) {
    Duration wait = delay(attempt);
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchbridgeException("interrupted while waiting to retry", e);
    }
    return wait;
  }

  public Duration delay(int attempt) {
    long base = baseWait.toMillis();
    long factor = 1L << Math.min(attempt, 30);
    long millis = base > Long.MAX_VALUE / factor ? Long.MAX_VALUE : base * factor;
    return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
  }
}
