package io.searchbridge.spark.sql;

import io.searchbridge.core.config.Settings;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Creates the writer of one task. Batch jobs use it directly; streaming epochs wrap it (see
 * {@code io.searchbridge.spark.stream.EpochWriterFactory}), so both write rows the same way.
 */
public record EsDataWriterFactory(Settings settings, StructType schema) implements DataWriterFactory {

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new EsDataWriter(settings, schema, partitionId, taskId);
  }
}
