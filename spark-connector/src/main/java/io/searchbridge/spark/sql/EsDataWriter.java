package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import io.searchbridge.spark.schema.RowJsonEncoder;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/** Encodes each row to JSON and hands it to the bulk writer; commits only after everything is acknowledged. */
final class EsDataWriter implements DataWriter<InternalRow> {

  private final EsClient client;
  private final BulkWriter writer;
  private final RowJsonEncoder encoder;
  private final Set<String> indexes = new HashSet<>();
  private long position;

  EsDataWriter(Settings settings, StructType schema, int partitionId, long taskId) {
    ConnectorMetricsSource.registerOnce();
    String name = "partition " + partitionId + " (task " + taskId + ")";
    this.client = ElasticsearchJavaClient.open(settings, "searchbridge/write/" + name);
    this.writer = new BulkWriter(client, settings, name);
    this.encoder = new RowJsonEncoder(schema, settings);
  }

  @Override
  public void write(InternalRow row) {
    position++;
    String index = encoder.index(row, position);
    indexes.add(index);
    writer.add(index, encoder.metadata(row, position), encoder.encode(row));
  }

  @Override
  public WriterCommitMessage commit() {
    writer.flush();
    return new EsWriterCommit(position, Set.copyOf(indexes));
  }

  @Override
  public void abort() {
    // Buffered documents are dropped: the task failed and Spark runs it again from its input.
  }

  /**
   * Spark takes a task's last values before {@link #commit()}, which sends what is still buffered;
   * those documents count as written, since the commit either acknowledges every one or fails.
   */
  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ConnectorSqlMetrics.writeTaskValues(counter -> client.metrics().get(counter)
        + (counter == Counter.DOCS_WRITTEN ? writer.bufferedDocuments() : 0), client.metrics());
  }

  @Override
  public void close() {
    client.close();
  }
}
