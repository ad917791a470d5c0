package io.searchbridge.mr.mapred;

import io.searchbridge.core.config.Keys;
import io.searchbridge.mr.HadoopSettings;
import io.searchbridge.mr.PartitionReader;
import org.apache.hadoop.io.MapWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.InputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * The old-API face of {@link io.searchbridge.mr.EsInputFormat}: same splits (the {@code numSplits}
 * hint is ignored: one split per shard), same keys and values, copied into the objects the
 * framework reuses.
 */
public class EsInputFormat implements InputFormat<Text, Writable> {

  @Override
  public InputSplit[] getSplits(JobConf job, int numSplits) {
    return io.searchbridge.mr.EsInputFormat.plan(job).stream().map(EsInputSplit::new).toArray(InputSplit[]::new);
  }

  @Override
  public RecordReader<Text, Writable> getRecordReader(InputSplit split, JobConf job, Reporter reporter) {
    String task = job.get("mapreduce.task.attempt.id", "mapred task");
    boolean json = HadoopSettings.of(job).get(Keys.OUTPUT_JSON);
    PartitionReader reader = new PartitionReader(job, ((EsInputSplit) split).partition(), task, reporter::incrCounter);
    return new RecordReader<>() {
      @Override
      public boolean next(Text key, Writable value) {
        PartitionReader.Hit hit = reader.next();
        if (hit == null) {
          return false;
        }
        key.set(hit.id());
        if (value instanceof MapWritable map) {
          map.clear();
          map.putAll((MapWritable) hit.value());
        } else {
          ((Text) value).set((Text) hit.value());
        }
        return true;
      }

      @Override
      public Text createKey() {
        return new Text();
      }

      @Override
      public Writable createValue() {
        return json ? new Text() : new MapWritable();
      }

      @Override
      public long getPos() {
        return reader.read();
      }

      @Override
      public void close() {
        reader.close();
      }

      @Override
      public float getProgress() {
        return 0f;
      }
    };
  }
}
