package io.searchbridge.mr;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.IndexNamePattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Commits no task output, on purpose. Documents are in Elasticsearch once a bulk request is
 * acknowledged; there is no staging area to promote. The job commit refreshes the written indexes
 * once ({@code es.batch.write.refresh}, the default), so a job started after this one sees every
 * document. A task's record writer flushes in {@code
 * close()} and fails the task unless every document was acknowledged, so a committed task has
 * written all its records. A failed or speculative attempt may have written some documents
 * already: set {@code es.mapping.id} so that a retried attempt overwrites them instead of
 * duplicating them.
 */
public class EsOutputCommitter extends OutputCommitter {

  @Override
  public void setupJob(JobContext context) {}

  @Override
  public void setupTask(TaskAttemptContext context) {}

  @Override
  public boolean needsTaskCommit(TaskAttemptContext context) {
    return false;
  }

  @Override
  public void commitTask(TaskAttemptContext context) {}

  @Override
  public void commitJob(JobContext context) {
    refreshWrittenIndexes(context.getConfiguration());
  }

  /** The job commit of both APIs: one refresh of the indexes {@code es.resource} writes to. */
  public static void refreshWrittenIndexes(Configuration configuration) {
    Settings settings = HadoopSettings.of(configuration);
    if (settings.get(Keys.BATCH_WRITE_REFRESH)) {
      try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/mr-refresh")) {
        client.refresh(IndexNamePattern.parse(settings.writeResource().orElseThrow()).wildcard());
      }
    }
  }

  @Override
  public void abortTask(TaskAttemptContext context) {}
}
