package io.searchbridge.core.client;

import io.searchbridge.core.SearchbridgeException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff: attempt n (0-based) waits up to {@code baseWait * 2^n}, capped at
 * {@code maxWait}. The wait actually taken is drawn from the upper half of that bound, so that the
 * tasks of one job, rejected together by an overloaded cluster, do not all come back at the same
 * moment and get rejected together again.
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

  /** Waits before retry {@code attempt} and returns how long; an interrupt ends the wait and the retries. */
  public Duration sleep(int attempt) {
    Duration wait = jittered(delay(attempt), ThreadLocalRandom.current().nextDouble());
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchbridgeException("interrupted while waiting to retry", e);
    }
    return wait;
  }

  /** The bound of the wait before retry {@code attempt}. */
  public Duration delay(int attempt) {
    long base = baseWait.toMillis();
    long factor = 1L << Math.min(attempt, 30);
    long millis = base > Long.MAX_VALUE / factor ? Long.MAX_VALUE : base * factor;
    return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
  }

  /** @param random in [0, 1): where in the upper half of {@code bound} the wait falls */
  static Duration jittered(Duration bound, double random) {
    long half = bound.toMillis() / 2;
    return Duration.ofMillis(bound.toMillis() - half + (long) (half * random));
  }
}
