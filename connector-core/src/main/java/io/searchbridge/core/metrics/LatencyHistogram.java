package io.searchbridge.core.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request latencies in microseconds, in fixed log-scale buckets: exact below 8 µs, then eight
 * buckets per power of two, so a percentile read from it is at most 12.5% above the true value.
 * Recording is one array increment (no allocation, no lock); the bucket counts are the whole
 * state, so histograms of different tasks merge by adding their buckets. Our own class rather than HdrHistogram: 312 counters cover 1 µs to 6 days,
 * which is all a request latency needs, without a dependency to shade.
 */
public final class LatencyHistogram {

  private static final int SUB_BITS = 3;
  private static final int SUB_BUCKETS = 1 << SUB_BITS;
  /** Values at or above 2^39 µs (about 6.4 days) share the last bucket. */
  private static final int MAX_EXPONENT = 39;
  static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  public void recordMicros(long micros) {
    counts.incrementAndGet(bucketOf(micros));
  }

  public void recordNanos(long nanos) {
    recordMicros(nanos / 1000);
  }

  public Snapshot snapshot() {
    long[] copy = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      copy[i] = counts.get(i);
    }
    return new Snapshot(copy);
  }

  static int bucketOf(long micros) {
    if (micros < SUB_BUCKETS) {
      return (int) Math.max(micros, 0);
    }
    int exponent = Math.min(63 - Long.numberOfLeadingZeros(micros), MAX_EXPONENT + 1);
    if (exponent > MAX_EXPONENT) {
      return BUCKETS - 1;
    }
    int mantissa = (int) (micros >>> (exponent - SUB_BITS)) - SUB_BUCKETS;
    return (exponent - SUB_BITS + 1) * SUB_BUCKETS + mantissa;
  }

  /** The largest value that falls in {@code bucket}: percentiles never understate a latency. */
  static long upperBoundOf(int bucket) {
    if (bucket < SUB_BUCKETS) {
      return bucket;
    }
    int exponent = bucket / SUB_BUCKETS + SUB_BITS - 1;
    long mantissa = bucket % SUB_BUCKETS + SUB_BUCKETS;
    return ((mantissa + 1) << (exponent - SUB_BITS)) - 1;
  }

  /** Bucket counts at one moment; percentiles are read from here. */
  public record Snapshot(long[] counts) {

    public static final Snapshot EMPTY = new Snapshot(new long[BUCKETS]);

    public long count() {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      return total;
    }

    /**
     * Requests whose bucket bound lies in {@code [fromMicros, toMicros)}: coarse bands of requests
     * that still add up across tasks, for counter-only systems (Hadoop). A request counts in the
     * band of its bucket's bound, so one up to 12.5% below a band's start may count in that band.
     */
    public long countBetweenMicros(long fromMicros, long toMicros) {
      long total = 0;
      for (int i = 0; i < counts.length; i++) {
        long bound = upperBoundOf(i);
        if (bound >= fromMicros && bound < toMicros) {
          total += counts[i];
        }
      }
      return total;
    }

    /**
     * The latency in microseconds that {@code percentile} percent of the requests did not exceed,
     * rounded up to its bucket's bound; 0 when nothing was recorded.
     */
    public long percentileMicros(double percentile) {
      if (percentile < 0 || percentile > 100) {
        throw new IllegalArgumentException("percentile must be within 0..100, got " + percentile);
      }
      long total = count();
      if (total == 0) {
        return 0;
      }
      long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return upperBoundOf(i);
        }
      }
      return upperBoundOf(counts.length - 1);
    }
  }
}
