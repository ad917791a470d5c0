package io.searchbridge.spark.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.junit.jupiter.api.Test;

class LatencyMetricTest {

  @Test
  void theUiShowsTheSlowestAndTheMedianTaskIgnoringTasksWithoutRequests() {
    LatencyMetric p99 = new ConnectorSqlMetrics.BulkLatencyP99();
    assertThat(p99.name()).isEqualTo("esBulkLatencyP99");
    assertThat(p99.description()).isEqualTo("bulk request latency p99 per task");
    assertThat(p99.aggregateTaskMetrics(new long[] {12_000, 0, 41_250, 9_000}))
        .isEqualTo("p99 41.3 ms (slowest task), 12.0 ms (median task)");
    assertThat(p99.aggregateTaskMetrics(new long[] {0, 0})).isEqualTo("no requests");
    assertThat(p99.aggregateTaskMetrics(new long[0])).isEqualTo("no requests");
  }

  @Test
  void aReadingTaskReportsItsCountersAndSearchPercentilesUnderTheMetricsNames() {
    ConnectorMetrics metrics = new ConnectorMetrics();
    metrics.add(Counter.DOCS_READ, 1_000);
    metrics.add(Counter.SEARCH_PAGES, 2);
    metrics.recordLatency(Latency.SEARCH, 4_000_000);
    metrics.recordLatency(Latency.SEARCH, 30_000_000);

    Map<String, Long> values = byName(ConnectorSqlMetrics.readTaskValues(metrics));

    assertThat(values.keySet()).isEqualTo(names(ConnectorSqlMetrics.read()));
    assertThat(values).containsEntry("esDocsRead", 1_000L).containsEntry("esSearchPages", 2L);
    assertThat(values.get("esSearchLatencyP50")).isBetween(4_000L, 4_500L);
    assertThat(values.get("esSearchLatencyP99")).isBetween(30_000L, 33_750L);
  }

  @Test
  void aWritingTaskReportsWhatTheCallerAdjusts() {
    ConnectorMetrics metrics = new ConnectorMetrics();
    metrics.add(Counter.DOCS_WRITTEN, 10);
    Map<String, Long> values = byName(ConnectorSqlMetrics.writeTaskValues(
        counter -> metrics.get(counter) + (counter == Counter.DOCS_WRITTEN ? 5 : 0), metrics));
    assertThat(values.keySet()).isEqualTo(names(ConnectorSqlMetrics.write()));
    assertThat(values).containsEntry("esDocsWritten", 15L).containsEntry("esBulkLatencyP95", 0L);
  }

  private static Map<String, Long> byName(CustomTaskMetric[] values) {
    return Arrays.stream(values).collect(Collectors.toMap(CustomTaskMetric::name, CustomTaskMetric::value));
  }

  private static java.util.Set<String> names(CustomMetric[] metrics) {
    return Arrays.stream(metrics).map(CustomMetric::name).collect(Collectors.toSet());
  }
}
