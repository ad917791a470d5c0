package io.searchbridge.mr;

import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Commits nothing, on purpose. Documents are visible in Elasticsearch once a bulk request is
 * acknowledged; there is no staging area to promote. A task's record writer flushes in {@code
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
  public void abortTask(TaskAttemptContext context) {}
}
