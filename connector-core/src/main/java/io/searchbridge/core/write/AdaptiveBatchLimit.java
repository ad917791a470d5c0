package io.searchbridge.core.write;

/**
 * How large the writer lets a bulk request grow, adjusted by the cluster's answers: additive
 * increase, multiplicative decrease, as TCP does with its window. A response with 429 items halves
 * the limit (down to 1/64 of {@code es.batch.size.*}); each clean response adds back 1/8 of it,
 * up to the configured size. The writer sends one request at a time per task, so the batch size is
 * the lever; the pause between retries is {@link io.searchbridge.core.client.RetryPolicy}'s.
 */
final class AdaptiveBatchLimit {

  static final double MIN_FRACTION = 1.0 / 64;
  static final double STEP = 1.0 / 8;

  private final long maxBytes;
  private final int maxEntries;
  private final boolean adaptive;
  /** Updated by the thread that sends, read by the one that fills the next batch. */
  private volatile double fraction = 1.0;

  AdaptiveBatchLimit(long maxBytes, int maxEntries, boolean adaptive) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
    this.adaptive = adaptive;
  }

  /** @return whether the limit went down (false when disabled or already at its floor) */
  boolean onResponse(boolean rejections) {
    if (!adaptive) {
      return false;
    }
    if (rejections) {
      double before = fraction;
      fraction = Math.max(MIN_FRACTION, fraction / 2);
      return fraction < before;
    }
    fraction = Math.min(1.0, fraction + STEP);
    return false;
  }

  long bytes() {
    return Math.max(1, (long) (maxBytes * fraction));
  }

  int entries() {
    return Math.max(1, (int) (maxEntries * fraction));
  }
}
