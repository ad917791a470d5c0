package io.searchbridge.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one way tests wait for server or job state: polls a condition until it holds or a deadline
 * passes, and then fails naming what it waited for. An unbounded wait would turn a broken test into
 * a hung CI job.
 */
public final class Await {

  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** Polls {@code condition} every 100 ms until it is true; fails with {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
