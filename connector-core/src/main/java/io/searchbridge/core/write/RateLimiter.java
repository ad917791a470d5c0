package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import java.util.function.LongSupplier;

/**
 * A token bucket for {@code es.batch.write.rate}: {@code perSecond} documents per second with a
 * burst of a tenth of a second's worth. A caller that takes more than the bucket holds waits until
 * the debt is paid back, so the long-run rate never exceeds the cap. Clock and sleep are injected
 * so that tests run without real waits.
 */
final class RateLimiter {

  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double perSecond;
  private final double capacity;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  RateLimiter(int perSecond, LongSupplier clock, Sleeper sleeper) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + perSecond);
    }
    this.perSecond = perSecond;
    this.capacity = Math.max(1, perSecond / 10.0);
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.last = clock.getAsLong();
  }

  static RateLimiter realTime(int perSecond) {
    return new RateLimiter(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /** Takes {@code permits} tokens, waiting as long as needed; returns the nanoseconds waited. */
  long acquire(int permits) {
    long now = clock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perSecond / NANOS_PER_SECOND);
    last = now;
    tokens -= permits;
    if (tokens >= 0) {
      return 0;
    }
    long wait = (long) Math.ceil(-tokens * NANOS_PER_SECOND / perSecond);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchbridgeException("interrupted while waiting for es.batch.write.rate", e);
    }
    return wait;
  }
}
