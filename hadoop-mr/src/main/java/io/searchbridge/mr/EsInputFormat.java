package io.searchbridge.mr;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.read.PartitionReads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Reads {@code es.resource.read} (or {@code es.resource}), filtered by {@code es.query}, one split
 * per shard. Keys are document ids; values are {@link org.apache.hadoop.io.MapWritable}s, or JSON
 * {@link Text} with {@code es.output.json=true}, hence the declared {@link Writable}.
 *
 * <p>Splits default to {@code es.read.partition.strategy=shard}: each task opens and closes its own
 * point-in-time over its shard, so nothing planned can expire while a job waits for its tasks to be scheduled. With an
 * explicit {@code es.read.partition.strategy=pit} the splits share one point-in-time, which nobody
 * releases: it lives until {@code es.scroll.keepalive} ends, and tasks started later fail.
 */
public class EsInputFormat extends InputFormat<Text, Writable> {

  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    List<InputSplit> splits = new ArrayList<>();
    for (PartitionSpec partition : plan(context.getConfiguration())) {
      splits.add(new EsInputSplit(partition));
    }
    return splits;
  }

  /** The job's partitions; shared with the {@code mapred} adapter. */
  public static List<PartitionSpec> plan(Configuration conf) {
    Settings settings = PartitionReads.withShardStrategyByDefault(HadoopSettings.of(conf));
    return PartitionReads.plan(settings, "searchbridge/mr-plan " + PartitionReads.resource(settings));
  }

  @Override
  public RecordReader<Text, Writable> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new EsRecordReader();
  }

  /** Adapts {@link PartitionReader} to the {@code mapreduce} API. */
  static final class EsRecordReader extends RecordReader<Text, Writable> {

    private PartitionReader reader;
    private PartitionReader.Hit current;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
      reader = new PartitionReader(context.getConfiguration(), ((EsInputSplit) split).partition(),
          context.getTaskAttemptID().toString(), (counter, value) -> context.getCounter(counter).increment(value));
    }

    @Override
    public boolean nextKeyValue() {
      current = reader.next();
      return current != null;
    }

    @Override
    public Text getCurrentKey() {
      return current.id();
    }

    @Override
    public Writable getCurrentValue() {
      return current.value();
    }

    /** Unknown: the reader does not expose how much of the shard is left. */
    @Override
    public float getProgress() {
      return current == null ? 0f : 0.5f;
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    }
  }
}
