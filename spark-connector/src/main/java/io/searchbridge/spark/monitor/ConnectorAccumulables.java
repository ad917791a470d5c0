package io.searchbridge.spark.monitor;

import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.AccumulableInfo;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * The connector's own numbers of one task, found among the task's accumulator updates: Spark
 * carries each DataSource V2 custom metric in an SQL accumulator (metadata {@code sql}) named by
 * the metric's description, the only trace of the metric in a task event. The value is keyed by
 * the metric's name ({@code esDocsWritten}, {@code esBulkLatencyP99} ...), the same name the Spark
 * UI and the metrics-system source use.
 */
final class ConnectorAccumulables {

  static final String SQL_ACCUMULATOR = "sql";
  private static final Map<String, String> NAMES_BY_DESCRIPTION = new HashMap<>();

  static {
    Stream.concat(Stream.of(ConnectorSqlMetrics.read()), Stream.of(ConnectorSqlMetrics.write()))
        .forEach(metric -> NAMES_BY_DESCRIPTION.put(metric.description(), metric.name()));
  }

  private ConnectorAccumulables() {}

  static Map<String, Object> of(Seq<AccumulableInfo> accumulables) {
    Map<String, Object> values = new TreeMap<>();
    Iterator<AccumulableInfo> updates = accumulables.iterator();
    while (updates.hasNext()) {
      AccumulableInfo info = updates.next();
      boolean sql = info.metadata().isDefined() && SQL_ACCUMULATOR.equals(info.metadata().get());
      String name = sql && info.name().isDefined() ? NAMES_BY_DESCRIPTION.get(info.name().get()) : null;
      if (name != null && info.update().isDefined() && info.update().get() instanceof Number value) {
        values.put(name, value.longValue());
      }
    }
    return values;
  }
}
