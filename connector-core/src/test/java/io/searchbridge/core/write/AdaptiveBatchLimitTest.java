package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveBatchLimitTest {

  @Test
  void rejectionsHalveTheLimitDownToAFloorAndCleanResponsesGrowItBack() {
    AdaptiveBatchLimit limit = new AdaptiveBatchLimit(1_048_576, 1000, true);
    assertThat(limit.entries()).isEqualTo(1000);
    assertThat(limit.onResponse(true)).isTrue();
    assertThat(limit.entries()).isEqualTo(500);
    assertThat(limit.bytes()).isEqualTo(524_288);
    for (int i = 0; i < 10; i++) {
      limit.onResponse(true);
    }
    assertThat(limit.entries()).isEqualTo(15); // 1000 / 64
    assertThat(limit.onResponse(true)).isFalse(); // already at the floor: no further reduction is reported
    assertThat(limit.onResponse(false)).isFalse();
    assertThat(limit.entries()).isEqualTo(140); // 1/64 + 1/8
    for (int i = 0; i < 8; i++) {
      limit.onResponse(false);
    }
    assertThat(limit.entries()).isEqualTo(1000);
    assertThat(limit.bytes()).isEqualTo(1_048_576);
  }

  @Test
  void neverBelowOneDocument() {
    AdaptiveBatchLimit limit = new AdaptiveBatchLimit(100, 3, true);
    for (int i = 0; i < 10; i++) {
      limit.onResponse(true);
    }
    assertThat(limit.entries()).isEqualTo(1);
    assertThat(limit.bytes()).isEqualTo(1);
  }

  @Test
  void turnedOffItKeepsTheConfiguredSize() {
    AdaptiveBatchLimit limit = new AdaptiveBatchLimit(1000, 100, false);
    assertThat(limit.onResponse(true)).isFalse();
    assertThat(limit.entries()).isEqualTo(100);
    assertThat(limit.bytes()).isEqualTo(1000);
  }
}
