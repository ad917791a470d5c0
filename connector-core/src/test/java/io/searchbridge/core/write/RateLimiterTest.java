package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A clock that only moves when the limiter sleeps (or the test advances it). */
  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();

  private RateLimiter limiter(int perSecond) {
    return new RateLimiter(perSecond, () -> now, nanos -> {
      sleeps.add(nanos);
      now += nanos;
    });
  }

  @Test
  void aBurstOfATenthOfASecondIsFreeThenEachDocumentWaitsItsShare() {
    RateLimiter limiter = limiter(100);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire(1)).isZero();
    }
    assertThat(limiter.acquire(1)).isEqualTo(10_000_000L); // 1/100 s
    assertThat(limiter.acquire(1)).isEqualTo(10_000_000L);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void theLongRunRateIsTheCap() {
    RateLimiter limiter = limiter(1000);
    long start = now;
    for (int i = 0; i < 5100; i++) {
      limiter.acquire(1);
    }
    // 100 documents of burst, then 5000 at 1000/s: 5 seconds of (fake) time
    assertThat(now - start).isEqualTo(5_000_000_000L);
  }

  @Test
  void idleTimeRefillsOnlyUpToTheBurst() {
    RateLimiter limiter = limiter(10);
    assertThat(limiter.acquire(1)).isZero();
    now += 60_000_000_000L; // a minute idle
    assertThat(limiter.acquire(1)).isZero();
    assertThat(limiter.acquire(1)).isEqualTo(100_000_000L);
  }

  @Test
  void aNonPositiveRateIsRefused() {
    assertThatThrownBy(() -> limiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
