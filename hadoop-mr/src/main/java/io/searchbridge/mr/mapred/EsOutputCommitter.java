package io.searchbridge.mr.mapred;

import org.apache.hadoop.mapred.JobContext;
import org.apache.hadoop.mapred.OutputCommitter;
import org.apache.hadoop.mapred.TaskAttemptContext;

/**
 * The old-API face of {@link io.searchbridge.mr.EsOutputCommitter}: no task output to commit, one
 * refresh of the written indexes at job commit. {@link EsOutputFormat} installs it on the job.
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

  @Override
  public void commitJob(JobContext context) {
    io.searchbridge.mr.EsOutputCommitter.refreshWrittenIndexes(context.getConfiguration());
  }
}
