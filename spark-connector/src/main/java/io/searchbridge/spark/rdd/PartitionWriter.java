package io.searchbridge.spark.rdd;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.TaskContext;

/** Writes one RDD partition through the bulk writer; returns only when every document is acknowledged. */
final class PartitionWriter {

  /** One element of an RDD as a bulk document. */
  interface Encoder<T> extends Serializable {
    DocumentEncoder.Encoded encode(T element, long position);
  }

  private PartitionWriter() {}

  static <T> void write(Iterator<T> elements, Settings settings, Encoder<T> encoder) {
    ConnectorMetricsSource.registerOnce();
    TaskContext task = TaskContext.get();
    String name = task == null ? "rdd writer" : "partition " + task.partitionId() + " (task " + task.taskAttemptId() + ")";
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/rdd-write/" + name);
        BulkWriter writer = new BulkWriter(client, settings, name)) {
      long position = 0;
      while (elements.hasNext()) {
        DocumentEncoder.Encoded document = encoder.encode(elements.next(), ++position);
        writer.add(document.index(), document.metadata(), document.json());
      }
    }
  }
}
