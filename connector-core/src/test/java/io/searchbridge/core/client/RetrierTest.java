package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.metrics.ConnectorMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

  @Test
  void ownFailuresWhileReadingAnAnswerPassThroughUnwrappedAndUnretried() {
    Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ZERO, Duration.ZERO), new ConnectorMetrics());
    AtomicInteger calls = new AtomicInteger();
    SearchbridgeException decoding = new SearchbridgeException("Index [i], document [d]: field [n] holds abc");
    assertThatThrownBy(() -> retrier.call("search /_search", () -> {
      calls.incrementAndGet();
      throw decoding;
    })).isSameAs(decoding);
    org.assertj.core.api.Assertions.assertThat(calls).hasValue(1);
  }
}
