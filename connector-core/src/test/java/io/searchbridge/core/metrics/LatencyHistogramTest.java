package io.searchbridge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsTileTheValueRangeWithoutGapsOrOverlaps() {
    for (int bucket = 0; bucket < LatencyHistogram.BUCKETS - 1; bucket++) {
      long upper = LatencyHistogram.upperBoundOf(bucket);
      assertThat(LatencyHistogram.bucketOf(upper)).as("upper bound of bucket %d", bucket).isEqualTo(bucket);
      assertThat(LatencyHistogram.bucketOf(upper + 1)).as("value after bucket %d", bucket).isEqualTo(bucket + 1);
    }
  }

  @Test
  void smallValuesAreExactAndOutOfRangeValuesAreClamped() {
    for (int micros = 0; micros < 16; micros++) {
      assertThat(LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(micros))).isEqualTo(micros);
    }
    assertThat(LatencyHistogram.bucketOf(-5)).isZero();
    assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    assertThat(LatencyHistogram.bucketOf(1L << 45)).isEqualTo(LatencyHistogram.BUCKETS - 1);
  }

  @Test
  void aValueIsReportedAtMostOneEighthAboveItselfAndNeverBelow() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      long micros = (long) Math.exp(random.nextDouble() * Math.log(1L << 38));
      long reported = LatencyHistogram.upperBoundOf(LatencyHistogram.bucketOf(micros));
      assertThat(reported).as("value %d", micros).isBetween(micros, micros + micros / 8);
    }
  }

  @Test
  void percentilesOfAUniformSpreadAreWithinTheBucketError() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long ms = 1; ms <= 1000; ms++) {
      histogram.recordNanos(ms * 1_000_000);
    }
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    assertThat(snapshot.count()).isEqualTo(1000);
    assertThat(snapshot.percentileMicros(50)).isBetween(500_000L, 562_500L);
    assertThat(snapshot.percentileMicros(95)).isBetween(950_000L, 1_068_750L);
    assertThat(snapshot.percentileMicros(99)).isBetween(990_000L, 1_113_750L);
    assertThat(snapshot.percentileMicros(100)).isBetween(1_000_000L, 1_125_000L);
    assertThat(snapshot.percentileMicros(0)).isEqualTo(snapshot.percentileMicros(0.1)).isBetween(1000L, 1125L);
  }

  @Test
  void aFewSlowRequestsShowOnlyInTheHighPercentiles() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < 980; i++) {
      histogram.recordMicros(2_000);
    }
    for (int i = 0; i < 20; i++) {
      histogram.recordMicros(900_000);
    }
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    assertThat(snapshot.percentileMicros(50)).isBetween(2_000L, 2_250L);
    assertThat(snapshot.percentileMicros(98)).isBetween(2_000L, 2_250L);
    assertThat(snapshot.percentileMicros(99)).isBetween(900_000L, 1_012_500L);
  }

  @Test
  void bandsCountEachRequestOnceAndAddUpToTheTotal() {
    LatencyHistogram histogram = new LatencyHistogram();
    long[] micros = {0, 500, 5_000, 50_000, 500_000, 5_000_000, 50_000_000, Long.MAX_VALUE};
    for (long value : micros) {
      histogram.recordMicros(value);
    }
    LatencyHistogram.Snapshot snapshot = histogram.snapshot();
    assertThat(snapshot.countBetweenMicros(0, 10_000)).isEqualTo(3);
    assertThat(snapshot.countBetweenMicros(10_000, 100_000)).isEqualTo(1);
    assertThat(snapshot.countBetweenMicros(100_000, 1_000_000)).isEqualTo(1);
    assertThat(snapshot.countBetweenMicros(1_000_000, Long.MAX_VALUE)).isEqualTo(3);
    assertThat(snapshot.countBetweenMicros(0, Long.MAX_VALUE)).isEqualTo(snapshot.count());
  }

  @Test
  void anEmptyHistogramReportsZero() {
    LatencyHistogram.Snapshot snapshot = new LatencyHistogram().snapshot();
    assertThat(snapshot.count()).isZero();
    assertThat(snapshot.percentileMicros(99)).isZero();
    assertThat(LatencyHistogram.Snapshot.EMPTY.percentileMicros(50)).isZero();
  }

  @Test
  void percentilesOutsideZeroToHundredAreRejected() {
    LatencyHistogram.Snapshot snapshot = new LatencyHistogram().snapshot();
    assertThatThrownBy(() -> snapshot.percentileMicros(101)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101");
    assertThatThrownBy(() -> snapshot.percentileMicros(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentRecordingLosesNothing() throws InterruptedException {
    LatencyHistogram histogram = new LatencyHistogram();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(() -> {
        for (int i = 0; i < 25_000; i++) {
          histogram.recordMicros(i % 5000);
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(histogram.snapshot().count()).isEqualTo(100_000);
  }
}
