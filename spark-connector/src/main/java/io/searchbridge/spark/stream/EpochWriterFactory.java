package io.searchbridge.spark.stream;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;

/**
 * The task writers of one epoch: the batch writers, unless the epoch is one the sink committed
 * before a restart. Spark names the epoch only here, on the executor, so the driver ships the last
 * committed epoch it read from the {@link SinkCommitLog} and every task decides for itself.
 *
 * @param rows the writers shared with batch writes
 * @param lastCommittedEpoch the newest epoch in the commit log when the epoch was planned, -1 if none
 */
record EpochWriterFactory(DataWriterFactory rows, long lastCommittedEpoch) implements StreamingDataWriterFactory {

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
    if (epochId <= lastCommittedEpoch) {
      return new SkippedEpochWriter(epochId, partitionId);
    }
    return rows.createWriter(partitionId, taskId);
  }
}
