package io.searchbridge.mr;

import io.searchbridge.core.config.Settings;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Writes record values as documents to {@code es.resource.write} (or {@code es.resource}); index
 * patterns such as {@code logs-{date}} and {@code es.mapping.id} and friends work as in the core.
 * Keys are ignored. See {@link DocumentWriter} for the accepted values.
 */
public class EsOutputFormat extends OutputFormat<Object, Object> {

  @Override
  public RecordWriter<Object, Object> getRecordWriter(TaskAttemptContext context) {
    DocumentWriter writer = new DocumentWriter(context.getConfiguration(), context.getTaskAttemptID().toString(),
        (counter, value) -> context.getCounter(counter).increment(value));
    return new RecordWriter<>() {
      @Override
      public void write(Object key, Object value) {
        writer.write(value);
      }

      @Override
      public void close(TaskAttemptContext closing) {
        writer.close();
      }
    };
  }

  @Override
  public void checkOutputSpecs(JobContext context) throws IOException {
    checkSettings(context.getConfiguration());
  }

  /** Fails early, on the client, when the job does not say where to write; shared with the {@code mapred} adapter. */
  public static void checkSettings(Configuration conf) throws IOException {
    Settings settings = HadoopSettings.of(conf);
    if (settings.writeResource().isEmpty()) {
      throw new IOException("EsOutputFormat needs an index to write to: set es.resource (or es.resource.write) in the"
          + " job configuration, e.g. conf.set(\"es.resource\", \"my-index\")");
    }
  }

  @Override
  public OutputCommitter getOutputCommitter(TaskAttemptContext context) {
    return new EsOutputCommitter();
  }
}
