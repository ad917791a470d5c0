package io.searchbridge.hive;

import io.searchbridge.mr.DocumentWriter;
import io.searchbridge.mr.mapred.EsOutputFormat;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.hive.ql.io.HiveOutputFormat;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * The MapReduce {@code mapred} output format as Hive's file sink wants it: it writes the {@link
 * DocumentWritable}s of {@link EsSerDe} through the same {@link DocumentWriter}, so bulk sizes,
 * retries, error messages and counters are those of MapReduce jobs. The output path is ignored.
 */
public class EsHiveOutputFormat extends EsOutputFormat implements HiveOutputFormat<Object, Object> {

  @Override
  public FileSinkOperator.RecordWriter getHiveRecordWriter(JobConf job, Path ignored, Class<? extends Writable> valueClass,
      boolean isCompressed, Properties tableProperties, Progressable progress) {
    Reporter reporter = progress instanceof Reporter r ? r : Reporter.NULL;
    DocumentWriter writer = new DocumentWriter(job, job.get("mapreduce.task.attempt.id", "hive task"), reporter::incrCounter);
    return new FileSinkOperator.RecordWriter() {
      @Override
      public void write(Writable row) {
        writer.write(((DocumentWritable) row).fields());
      }

      /**
       * Flushes also on abort: acknowledged documents cannot be taken back, and a retried attempt
       * with es.mapping.id overwrites what this one wrote.
       */
      @Override
      public void close(boolean abort) {
        writer.close();
      }
    };
  }
}
