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

  @Test
  void aClusterAnswerOutweighsALastAttemptThatReachedNoNode() {
    Retrier retrier = new Retrier(new RetryPolicy(2, Duration.ZERO, Duration.ZERO), new ConnectorMetrics());
    AtomicInteger calls = new AtomicInteger();
    EsRequestException noCopy = new EsRequestException("search failed: HTTP 503 no_shard_available_action_exception",
        503, "no_shard_available_action_exception", null);
    assertThatThrownBy(() -> retrier.call("search /_search", () -> {
      if (calls.incrementAndGet() == 2) {
        throw noCopy;
      }
      throw new java.net.ConnectException("Connection refused");
    })).isSameAs(noCopy);
    org.assertj.core.api.Assertions.assertThat(calls).hasValue(3);
    org.assertj.core.api.Assertions.assertThat(noCopy.getSuppressed()).hasSize(1);
  }
}
