package io.searchbridge.spark.rdd;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.core.write.TaskWriter;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.spark.TaskContext;

/**
 * Writes one RDD partition through the bulk writer; returns only when every document is
 * acknowledged or handled. Elements that cannot be encoded go to {@code es.write.data.error.handlers}.
 */
final class PartitionWriter {

  /** One element of an RDD as a bulk document. */
  interface Encoder<T> extends Serializable {
    DocumentEncoder.Encoded encode(T element, long position);
  }

  private PartitionWriter() {}

  /** @param documents also encodes the JSON an error handler asks to retry with */
  static <T> void write(Iterator<T> elements, Settings settings, Encoder<T> encoder, DocumentEncoder documents) {
    ConnectorMetricsSource.registerOnce();
    TaskContext task = TaskContext.get();
    String name = task == null ? "rdd writer" : "partition " + task.partitionId() + " (task " + task.taskAttemptId() + ")";
    try (TaskWriter writer = TaskWriter.open(settings, name, "searchbridge/rdd-write/" + name)) {
      while (elements.hasNext()) {
        T element = elements.next();
        writer.write(at -> encoder.encode(element, at), () -> rendering(element), documents::encodeJson);
      }
      writer.flush();
    }
  }

  private static byte[] rendering(Object element) {
    return element instanceof byte[] bytes ? bytes : String.valueOf(element).getBytes(StandardCharsets.UTF_8);
  }
}
