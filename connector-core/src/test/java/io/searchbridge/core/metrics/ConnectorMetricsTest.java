package io.searchbridge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import org.junit.jupiter.api.Test;

class ConnectorMetricsTest {

  @Test
  void everyTaskAlsoAddsToTheJvmTotals() {
    ConnectorMetrics totals = ConnectorMetrics.jvmTotals();
    long written = totals.get(Counter.DOCS_WRITTEN);
    long bulks = totals.latency(Latency.BULK).count();
    ConnectorMetrics first = new ConnectorMetrics();
    ConnectorMetrics second = new ConnectorMetrics();

    first.add(Counter.DOCS_WRITTEN, 10);
    second.add(Counter.DOCS_WRITTEN, 5);
    first.recordLatency(Latency.BULK, 3_000_000);
    second.recordLatency(Latency.BULK, 9_000_000);

    assertThat(first.get(Counter.DOCS_WRITTEN)).isEqualTo(10);
    assertThat(first.snapshot()).containsEntry(Counter.DOCS_WRITTEN, 10L).containsEntry(Counter.DOCS_READ, 0L);
    assertThat(first.latency(Latency.BULK).count()).isEqualTo(1);
    assertThat(first.latency(Latency.SEARCH).count()).isZero();
    assertThat(totals.get(Counter.DOCS_WRITTEN) - written).isEqualTo(15);
    assertThat(totals.latency(Latency.BULK).count() - bulks).isEqualTo(2);
  }

  @Test
  void detachedMetricsStayOutOfTheJvmTotals() {
    long written = ConnectorMetrics.jvmTotals().get(Counter.DOCS_WRITTEN);
    ConnectorMetrics detached = ConnectorMetrics.detached();
    detached.add(Counter.DOCS_WRITTEN, 7);
    assertThat(detached.get(Counter.DOCS_WRITTEN)).isEqualTo(7);
    assertThat(ConnectorMetrics.jvmTotals().get(Counter.DOCS_WRITTEN)).isEqualTo(written);
  }
}
