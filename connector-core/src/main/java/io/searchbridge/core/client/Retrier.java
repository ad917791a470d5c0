package io.searchbridge.core.client;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request with bounded retries on the answers that mean "try again later" (429, 502, 503,
 * 504, no connection). It is the only retry layer: the low-level client sends each attempt to one
 * node ({@link RestClientFactory}), and the next attempt goes to the next live node, after the
 * backoff that lets a busy cluster recover.
 */
final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  private final RetryPolicy policy;
  private final ConnectorMetrics metrics;

  Retrier(RetryPolicy policy, ConnectorMetrics metrics) {
    this.policy = policy;
    this.metrics = metrics;
  }

  <T> T call(String operation, Call<T> call) {
    EsRequestException answered = null;
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (Exception e) {
        // Our own failures while reading an answer (a document that does not fit its column) are
        // neither request errors to wrap as "search failed" nor worth retrying.
        if (e instanceof SearchbridgeException own && !(e instanceof EsRequestException)) {
          throw own;
        }
        EsRequestException mapped = ErrorMapper.map(operation, e);
        answered = mapped.status() > 0 ? mapped : answered;
        if (!mapped.isRetriable() || attempt >= policy.maxRetries()) {
          throw mostTelling(mapped, answered);
        }
        retry(mapped, attempt);
      }
    }
  }

  /**
   * When the last attempt reached no node but an earlier one got the cluster's own answer (a node
   * died, and the others said why the request cannot succeed), that answer is what users need.
   */
  private static EsRequestException mostTelling(EsRequestException last, EsRequestException answered) {
    if (last.status() != 0 || answered == null) {
      return last;
    }
    answered.addSuppressed(last);
    return answered;
  }

  private void retry(EsRequestException mapped, int attempt) {
    LOG.warn("{}; retry {} of {} in at most {} ms", mapped.getMessage(), attempt + 1, policy.maxRetries(),
        policy.delay(attempt).toMillis());
    metrics.add(Counter.REQUEST_RETRIES, 1);
    policy.sleep(attempt);
  }
}
