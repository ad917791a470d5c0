package io.searchbridge.spark.sql;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.spark.schema.EsReadSchema;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Sent to executors: everything a task needs to read its partition, and no client. {@code mode}
 * says what becomes of documents that do not fit the schema.
 */
record EsReaderFactory(Settings settings, String resource, QuerySpec query, EsReadSchema schema, ParseMode mode)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new EsPartitionReader(this, ((EsInputPartition) partition).spec());
  }
}
