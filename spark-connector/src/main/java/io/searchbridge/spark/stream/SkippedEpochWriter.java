package io.searchbridge.spark.stream;

import io.searchbridge.spark.sql.EsWriterCommit;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops the rows of an epoch whose documents the sink already committed before a restart. */
final class SkippedEpochWriter implements DataWriter<InternalRow> {

  private static final Logger LOG = LoggerFactory.getLogger(SkippedEpochWriter.class);

  SkippedEpochWriter(long epochId, int partitionId) {
    LOG.info("epoch {} partition {}: already committed to Elasticsearch before a restart; not written again",
        epochId, partitionId);
  }

  @Override
  public void write(InternalRow row) {
    // already in Elasticsearch
  }

  @Override
  public WriterCommitMessage commit() {
    return new EsWriterCommit(0, Set.of());
  }

  @Override
  public void abort() {}

  @Override
  public void close() {}
}
