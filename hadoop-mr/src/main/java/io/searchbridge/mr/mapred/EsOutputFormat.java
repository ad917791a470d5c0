package io.searchbridge.mr.mapred;

import io.searchbridge.mr.DocumentWriter;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.OutputFormat;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * The old-API face of {@link io.searchbridge.mr.EsOutputFormat}: same documents, same flush in
 * {@code close}, counters published to the reporter given to {@code close}, and {@link
 * EsOutputCommitter} as the job's committer.
 */
public class EsOutputFormat implements OutputFormat<Object, Object> {

  @Override
  public RecordWriter<Object, Object> getRecordWriter(FileSystem ignored, JobConf job, String name, Progressable progress) {
    Reporter[] closing = {Reporter.NULL};
    DocumentWriter writer = new DocumentWriter(job, job.get("mapreduce.task.attempt.id", name),
        (counter, value) -> closing[0].incrCounter(counter, value));
    return new RecordWriter<>() {
      @Override
      public void write(Object key, Object value) {
        writer.write(value);
      }

      @Override
      public void close(Reporter reporter) {
        closing[0] = reporter == null ? Reporter.NULL : reporter;
        writer.close();
      }
    };
  }

  @Override
  public void checkOutputSpecs(FileSystem ignored, JobConf job) throws IOException {
    io.searchbridge.mr.EsOutputFormat.checkSettings(job);
    // The old API takes its committer from the job (FileOutputCommitter unless set), not from the
    // output format. This runs on the submitted copy of the configuration, which a cluster's
    // application master reads; the LocalJobRunner reads the client's JobConf instead, so the
    // README tells local users to set it there too.
    job.setOutputCommitter(EsOutputCommitter.class);
  }
}
