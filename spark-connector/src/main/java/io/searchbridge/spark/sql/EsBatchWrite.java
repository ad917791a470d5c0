package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.write.AliasSwap;
import io.searchbridge.core.write.IndexNamePattern;
import io.searchbridge.core.write.IndexReset;
import io.searchbridge.spark.SpeculationCheck;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DataFrame write. Tasks acknowledge only after their bulk writer has flushed, so a committed
 * job has every document in Elasticsearch; the job then refreshes the written indexes once.
 */
final class EsBatchWrite implements BatchWrite {

  private static final Logger LOG = LoggerFactory.getLogger(EsBatchWrite.class);

  private final EsTableOptions options;
  private final StructType schema;
  private final boolean truncate;
  /** Set when an overwrite of an alias writes a new index, which the commit swaps in and an abort deletes. */
  private AliasSwap aliasSwap;

  EsBatchWrite(EsTableOptions options, StructType schema, boolean truncate) {
    this.options = options;
    this.schema = schema;
    this.truncate = truncate;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    Settings settings = options.settings();
    String resource = EsWrite.requireWriteResource(settings);
    SpeculationCheck.warnIfDuplicating(SparkSession.active().sparkContext().getConf(), settings, resource);
    if (truncate) {
      if (!IndexNamePattern.parse(resource).isStatic()) {
        throw new InvalidSettingException("es.resource.write", "SaveMode.Overwrite needs one concrete index, but"
            + " es.resource.write is the pattern '" + resource + "'; use SaveMode.Append");
      }
      try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/overwrite " + resource)) {
        if (settings.get(Keys.WRITE_OVERWRITE_STRATEGY).equals("swap")) {
          aliasSwap = AliasSwap.begin(client, resource).orElse(null);
        }
        if (aliasSwap == null) {
          IndexReset.reset(client, resource);
        }
      }
    }
    Settings tasks = aliasSwap == null ? settings : settings.with(Keys.RESOURCE_WRITE.key(), aliasSwap.index());
    return new EsDataWriterFactory(tasks, schema);
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    EsWriterCommit written = EsWriterCommit.sum(messages);
    written.refreshIfConfigured(options.settings());
    if (aliasSwap != null) {
      try (EsClient client = ElasticsearchJavaClient.open(options.settings(), "searchbridge/overwrite " + options.name())) {
        aliasSwap.commit(client);
      }
    }
    LOG.info("wrote {} document(s) to {}", written.documents(), written.indexes());
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    if (aliasSwap != null) {
      try (EsClient client = ElasticsearchJavaClient.open(options.settings(), "searchbridge/overwrite " + options.name())) {
        aliasSwap.abort(client);
      }
      return;
    }
    LOG.warn("write to [{}] aborted; documents that finished tasks already wrote stay in Elasticsearch"
        + " (with es.mapping.id a re-run overwrites them instead of duplicating)", options.name());
  }

  @Override
  public boolean useCommitCoordinator() {
    // Documents are in Elasticsearch once a task flushes; coordinating commits would not undo a second attempt.
    return false;
  }
}
