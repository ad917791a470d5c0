package io.searchbridge.spark.sql;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.DocumentEncoder.Encoded;
import io.searchbridge.core.write.TaskWriter;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import io.searchbridge.spark.schema.RowJsonEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Encodes each row to JSON and hands it to the bulk writer; rows that cannot be encoded go to
 * {@code es.write.data.error.handlers}. Commits only after everything is acknowledged or handled.
 */
final class EsDataWriter implements DataWriter<InternalRow> {

  private final TaskWriter writer;
  private final RowJsonEncoder encoder;
  private final StructType schema;
  private final Set<String> indexes = new HashSet<>();

  EsDataWriter(Settings settings, StructType schema, int partitionId, long taskId) {
    ConnectorMetricsSource.registerOnce();
    String name = "partition " + partitionId + " (task " + taskId + ")";
    this.writer = TaskWriter.open(settings, name, "searchbridge/write/" + name);
    this.encoder = new RowJsonEncoder(schema, settings);
    this.schema = schema;
  }

  @Override
  public void write(InternalRow row) {
    writer.write(at -> new Encoded(encoder.index(row, at), encoder.metadata(row, at), encoder.encode(row)),
            () -> rendering(row), (json, at) -> new Encoded(encoder.index(row, at), encoder.metadata(row, at), json))
        .ifPresent(document -> indexes.add(document.index()));
  }

  @Override
  public WriterCommitMessage commit() {
    writer.flush();
    return new EsWriterCommit(writer.position(), Set.copyOf(indexes));
  }

  @Override
  public void abort() {
    // Buffered documents are dropped: the task failed and Spark runs it again from its input.
  }

  /**
   * Spark takes a task's last values before {@link #commit()}, which sends what is still buffered
   * or in flight; those documents, requests and bytes count as written, since the commit either
   * acknowledges every one or fails.
   */
  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ConnectorSqlMetrics.writeTaskValues(writer::writtenOrPending, writer.metrics());
  }

  @Override
  public void close() {
    // After a commit nothing is buffered; after an abort, buffered documents are dropped on purpose.
    writer.close();
  }

  /** A row that could not become JSON, as error handlers see it: {@code column=value} pairs. */
  private byte[] rendering(InternalRow row) {
    StringBuilder text = new StringBuilder("{");
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      text.append(i == 0 ? "" : ", ").append(fields[i].name()).append('=')
          .append(row.isNullAt(i) ? "null" : String.valueOf(row.get(i, fields[i].dataType())));
    }
    return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
