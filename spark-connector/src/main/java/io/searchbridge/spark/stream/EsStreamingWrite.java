package io.searchbridge.spark.stream;

import io.searchbridge.core.config.Settings;
import io.searchbridge.spark.sql.EsWriterCommit;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code writeStream.format("searchbridge")}: each epoch is written like a batch job (tasks
 * acknowledge only after every document is acknowledged), then committed by refreshing the written
 * indexes and recording the epoch in the {@link SinkCommitLog}, so that an epoch Spark runs again
 * after a restart is not written twice. Documents of an epoch that failed before its commit stay and
 * are written again: at-least-once, exactly-once in effect when {@code es.mapping.id} makes the re-run
 * overwrite the same documents.
 */
public final class EsStreamingWrite implements StreamingWrite {

  private static final Logger LOG = LoggerFactory.getLogger(EsStreamingWrite.class);

  private final Settings settings;
  private final String resource;
  private final SinkCommitLog log;
  private final DataWriterFactory rows;

  private EsStreamingWrite(Settings settings, String resource, SinkCommitLog log, DataWriterFactory rows) {
    this.settings = settings;
    this.resource = resource;
    this.log = log;
    this.rows = rows;
  }

  /**
   * @param queryId {@code LogicalWriteInfo.queryId()}, the streaming query's persistent id
   * @param rowWriters the batch writer factory for the settings this sink ends up with
   */
  public static EsStreamingWrite create(Settings settings, String resource, String queryId,
      Map<String, String> writeOptions, Function<Settings, DataWriterFactory> rowWriters) {
    StreamQuery query = StreamQuery.resolve(queryId, writeOptions);
    Settings effective = UpdateModeSettings.apply(settings, query.update());
    SinkCommitLog log = SinkCommitLog.under(query.checkpointRoot(),
        SparkSession.active().sparkContext().hadoopConfiguration());
    return new EsStreamingWrite(effective, resource, log, rowWriters.apply(effective));
  }

  @Override
  public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
    return new EpochWriterFactory(rows, log.lastCommitted());
  }

  @Override
  public boolean useCommitCoordinator() {
    // As for batch writes: documents are in Elasticsearch once a task flushes.
    return false;
  }

  @Override
  public void commit(long epochId, WriterCommitMessage[] messages) {
    long lastCommitted = log.lastCommitted();
    if (epochId <= lastCommitted) {
      LOG.info("epoch {} of the stream to [{}] was committed before a restart (sink commit log {} is at epoch {});"
          + " its re-run was skipped", epochId, resource, log.directory(), lastCommitted);
      return;
    }
    EsWriterCommit written = EsWriterCommit.sum(messages);
    written.refreshIfConfigured(settings);
    log.add(epochId);
    LOG.info("epoch {}: wrote {} document(s) to {}", epochId, written.documents(), written.indexes());
  }

  @Override
  public void abort(long epochId, WriterCommitMessage[] messages) {
    LOG.warn("epoch {} of the stream to [{}] aborted; documents that finished tasks already wrote stay in"
        + " Elasticsearch and the epoch's re-run writes them again (at-least-once; with es.mapping.id it"
        + " overwrites them, exactly-once in effect)", epochId, resource);
  }
}
