package io.searchbridge.spark.metrics;

import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.util.Locale;
import org.apache.spark.sql.connector.metric.CustomSumMetric;

/**
 * One connector counter as a Spark custom metric, summed over tasks and shown in the SQL tab of
 * the Spark UI. Spark creates each metric class by name, so every counter has its own public
 * subclass with a no-argument constructor ({@link ConnectorSqlMetrics}).
 */
public abstract class CounterMetric extends CustomSumMetric {

  private final Counter counter;
  private final String description;

  protected CounterMetric(Counter counter, String description) {
    this.counter = counter;
    this.description = description;
  }

  @Override
  public String name() {
    return metricName(counter);
  }

  @Override
  public String description() {
    return description;
  }

  /** {@code DOCS_READ} becomes {@code esDocsRead}: the name tests and listeners look the value up by. */
  public static String metricName(Counter counter) {
    StringBuilder name = new StringBuilder("es");
    for (String part : counter.name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }
}
