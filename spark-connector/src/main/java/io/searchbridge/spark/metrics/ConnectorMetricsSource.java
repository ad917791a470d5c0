package io.searchbridge.spark.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.metrics.ConnectorMetrics.Latency;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.spark.SparkEnv;
import org.apache.spark.metrics.source.Source;

/**
 * The connector's numbers in Spark's metrics system (source name {@code searchbridge}), so that
 * whatever sink the user enables (JMX, Prometheus servlet, CSV, Graphite ...) reports them. Values
 * are this JVM's totals since it started ({@link ConnectorMetrics#jvmTotals()}): counters, and
 * per latency the request count and the p50/p95/p99 in milliseconds.
 *
 * <p>Spark's {@code Source} is {@code private[spark]} to Scala only; in bytecode it is a public
 * interface, so this Java class implements it from our own package. Scala code would have to live
 * under {@code org.apache.spark} to do the same.
 */
public final class ConnectorMetricsSource implements Source {

  public static final String NAME = "searchbridge";
  private static final AtomicReference<SparkEnv> REGISTERED_WITH = new AtomicReference<>();

  private final MetricRegistry registry = new MetricRegistry();

  ConnectorMetricsSource(ConnectorMetrics metrics) {
    for (Counter counter : Counter.values()) {
      registry.register(CounterMetric.metricName(counter), new LiveCounter(() -> metrics.get(counter)));
    }
    for (Latency latency : Latency.values()) {
      registry.register(LatencyMetric.baseName(latency) + "Count", (Gauge<Long>) () -> metrics.latency(latency).count());
      for (int percentile : ConnectorSqlMetrics.PERCENTILES) {
        registry.register(LatencyMetric.metricName(latency, percentile) + "Ms",
            (Gauge<Double>) () -> metrics.latency(latency).percentileMicros(percentile) / 1000.0);
      }
    }
  }

  /**
   * Registers the source with this JVM's Spark metrics system, once per {@link SparkEnv} (a new
   * session in the same JVM has a new one). Tasks call it as they start, so every executor that
   * talks to Elasticsearch reports; a JVM without Spark running is left alone.
   */
  public static void registerOnce() {
    SparkEnv env = SparkEnv.get();
    SparkEnv previous = REGISTERED_WITH.get();
    if (env != null && previous != env && REGISTERED_WITH.compareAndSet(previous, env)) {
      env.metricsSystem().registerSource(new ConnectorMetricsSource(ConnectorMetrics.jvmTotals()));
    }
  }

  @Override
  public String sourceName() {
    return NAME;
  }

  @Override
  public MetricRegistry metricRegistry() {
    return registry;
  }

  /** A Dropwizard counter that reads the connector's own counter, so sinks report it as a count. */
  private static final class LiveCounter extends com.codahale.metrics.Counter {
    private final LongSupplier value;

    LiveCounter(LongSupplier value) {
      this.value = value;
    }

    @Override
    public long getCount() {
      return value.getAsLong();
    }
  }
}
