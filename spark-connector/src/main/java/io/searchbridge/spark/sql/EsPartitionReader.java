package io.searchbridge.spark.sql;

import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/** Streams one partition into rows; Spark closes it on success, failure and task kill alike. */
final class EsPartitionReader implements PartitionReader<InternalRow> {

  private final ClientCursor<InternalRow> cursor;
  private InternalRow current;

  EsPartitionReader(EsReaderFactory factory, PartitionSpec partition) {
    ConnectorMetricsSource.registerOnce();
    this.cursor = ClientCursor.open(factory.settings(), factory.resource(), factory.query(), partition,
        factory.schema().decoder(factory.mode().lenient()), factory.mode().unhandled(), opaqueId(partition));
  }

  @Override
  public boolean next() {
    if (!cursor.hasNext()) {
      return false;
    }
    current = cursor.next();
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ConnectorSqlMetrics.readTaskValues(cursor.metrics());
  }

  @Override
  public void close() {
    cursor.close();
  }

  /** Names the Spark application, stage and task, so that requests in Elasticsearch can be traced back. */
  static String opaqueId(PartitionSpec partition) {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return "searchbridge/partition-" + partition.id();
    }
    String app = org.apache.spark.SparkEnv.get() == null ? "spark" : org.apache.spark.SparkEnv.get().conf().getAppId();
    return "searchbridge/" + app + "/stage-" + task.stageId() + "/task-" + task.taskAttemptId() + "/partition-"
        + partition.id();
  }
}
