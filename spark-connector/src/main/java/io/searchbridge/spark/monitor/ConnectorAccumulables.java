package io.searchbridge.spark.monitor;

import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.sql.connector.metric.CustomMetric;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * The connector's own numbers of one task, found among the task's accumulator updates: Spark
 * carries each DataSource V2 custom metric in an accumulator whose metadata is
 * {@code v2Custom_<metric class>}. The value is keyed by the metric's name ({@code esDocsWritten},
 * {@code esBulkLatencyP99} ...), the same name the Spark UI and the metrics-system source use.
 */
final class ConnectorAccumulables {

  static final String CUSTOM_METRIC_PREFIX = "v2Custom_";
  private static final Map<String, String> NAMES_BY_TYPE = new HashMap<>();

  static {
    Stream.concat(Stream.of(ConnectorSqlMetrics.read()), Stream.of(ConnectorSqlMetrics.write()))
        .forEach(metric -> NAMES_BY_TYPE.put(typeOf(metric), metric.name()));
  }

  private ConnectorAccumulables() {}

  /** The accumulator metadata Spark gives {@code metric}. */
  static String typeOf(CustomMetric metric) {
    return CUSTOM_METRIC_PREFIX + metric.getClass().getName();
  }

  static Map<String, Object> of(Seq<AccumulableInfo> accumulables) {
    Map<String, Object> values = new TreeMap<>();
    Iterator<AccumulableInfo> updates = accumulables.iterator();
    while (updates.hasNext()) {
      AccumulableInfo info = updates.next();
      String name = info.metadata().isDefined() ? NAMES_BY_TYPE.get(info.metadata().get()) : null;
      if (name != null && info.update().isDefined() && info.update().get() instanceof Number value) {
        values.put(name, value.longValue());
      }
    }
    return values;
  }
}
