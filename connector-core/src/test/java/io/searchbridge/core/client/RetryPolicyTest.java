package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesEachAttemptUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500));
    assertThat(policy.delay(0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delay(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delay(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.delay(3)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(200)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void waitsFallInTheUpperHalfOfTheBound() {
    Duration bound = Duration.ofMillis(1000);
    assertThat(RetryPolicy.jittered(bound, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryPolicy.jittered(bound, 0.5)).isEqualTo(Duration.ofMillis(750));
    assertThat(RetryPolicy.jittered(bound, 0.999)).isBetween(Duration.ofMillis(999), bound);
    assertThat(RetryPolicy.jittered(Duration.ZERO, 0.7)).isZero();
  }

  @Test
  void sleepsNoLongerThanTheBound() {
    RetryPolicy policy = new RetryPolicy(1, Duration.ofMillis(20), Duration.ofMillis(20));
    assertThat(policy.sleep(0)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void hugeBaseDoesNotOverflow() {
    RetryPolicy policy = new RetryPolicy(1, Duration.ofMillis(Long.MAX_VALUE / 2), Duration.ofHours(1));
    assertThat(policy.delay(10)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void refusesNegativeRetries() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxRetries");
  }
}
