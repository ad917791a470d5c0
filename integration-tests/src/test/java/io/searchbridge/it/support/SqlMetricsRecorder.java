package io.searchbridge.it.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * Sums the connector's Spark SQL metrics ({@code es*}) of every query that ends while it is
 * registered, successful or not: what the Spark UI's SQL tab would show for those queries.
 */
public final class SqlMetricsRecorder implements QueryExecutionListener, AutoCloseable {

  private final SparkSession spark;
  private final Map<String, Long> values = new ConcurrentHashMap<>();

  private SqlMetricsRecorder(SparkSession spark) {
    this.spark = spark;
  }

  public static SqlMetricsRecorder register(SparkSession spark) {
    SqlMetricsRecorder recorder = new SqlMetricsRecorder(spark);
    spark.listenerManager().register(recorder);
    return recorder;
  }

  @Override
  public void onSuccess(String action, QueryExecution execution, long durationNs) {
    record(execution);
  }

  @Override
  public void onFailure(String action, QueryExecution execution, Exception error) {
    record(execution);
  }

  private void record(QueryExecution execution) {
    scala.collection.Iterator<scala.Tuple2<String, SQLMetric>> metrics = execution.executedPlan().metrics().iterator();
    while (metrics.hasNext()) {
      scala.Tuple2<String, SQLMetric> metric = metrics.next();
      if (metric._1().startsWith("es")) {
        values.merge(metric._1(), metric._2().value(), Long::sum);
      }
    }
  }

  /** The summed value, waiting (bounded) for listeners, which hear of queries asynchronously. */
  public long await(String metric) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!values.containsKey(metric) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return values.getOrDefault(metric, 0L);
  }

  public Map<String, Long> values() {
    return Map.copyOf(values);
  }

  @Override
  public void close() {
    spark.listenerManager().unregister(this);
  }
}
