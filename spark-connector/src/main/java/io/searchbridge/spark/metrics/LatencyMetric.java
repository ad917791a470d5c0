package io.searchbridge.spark.metrics;

import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.connector.metric.CustomMetric;

/**
 * One percentile of one request latency as a Spark custom metric. A task reports a single number,
 * so a task's value is its own percentile (in microseconds), and the SQL tab shows the slowest
 * task's value and the median task's value: "p99 41.2 ms (slowest task), 12.0 ms (median task)".
 * That is honest about what it is: percentiles do not add up, and the exact percentile over all
 * requests of a scan would need every task's histogram, which a task metric cannot carry. The
 * metrics-system source and the monitoring listener have the merged figures.
 */
public abstract class LatencyMetric implements CustomMetric {

  private final Latency latency;
  private final int percentile;

  protected LatencyMetric(Latency latency, int percentile) {
    this.latency = latency;
    this.percentile = percentile;
  }

  @Override
  public String name() {
    return metricName(latency, percentile);
  }

  @Override
  public String description() {
    return latency.name().toLowerCase(Locale.ROOT) + " request latency p" + percentile + " per task";
  }

  @Override
  public String aggregateTaskMetrics(long[] taskMetrics) {
    long[] reported = Arrays.stream(taskMetrics).filter(micros -> micros > 0).sorted().toArray();
    if (reported.length == 0) {
      return "no requests";
    }
    return String.format(Locale.ROOT, "p%d %s (slowest task), %s (median task)", percentile,
        millis(reported[reported.length - 1]), millis(reported[(reported.length - 1) / 2]));
  }

  /** {@code (SEARCH, 99)} becomes {@code esSearchLatencyP99}. */
  public static String metricName(Latency latency, int percentile) {
    return baseName(latency) + "P" + percentile;
  }

  /** {@code SEARCH} becomes {@code esSearchLatency}. */
  public static String baseName(Latency latency) {
    String kind = latency.name().toLowerCase(Locale.ROOT);
    return "es" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "Latency";
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
