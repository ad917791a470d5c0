package io.searchbridge.hive;

import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.mr.EsInputSplit;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileSplit;

/**
 * One core partition as Hive needs a split: a {@link FileSplit}, because Hive finds a split's table
 * by its path (the table's location, never read). It also carries the query planned with the
 * pushed predicate, so that tasks read exactly what was planned.
 */
public class EsHiveSplit extends FileSplit {

  private EsInputSplit partition = new EsInputSplit();
  private String query;

  /** For Hadoop, which creates splits empty and then calls {@link #readFields}. */
  public EsHiveSplit() {
    super();
  }

  EsHiveSplit(Path table, PartitionSpec partition, String query) {
    super(table, 0, 0, new EsInputSplit(partition).getLocations());
    this.partition = new EsInputSplit(partition);
    this.query = query;
  }

  public PartitionSpec partition() {
    return partition.partition();
  }

  /** The query DSL of this read: {@code es.query} and the pushed predicate. */
  public String query() {
    return query;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    super.write(out);
    partition.write(out);
    Text.writeString(out, query);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    super.readFields(in);
    partition.readFields(in);
    query = Text.readString(in);
  }

  @Override
  public String toString() {
    return "EsHiveSplit" + partition() + " query " + query;
  }
}
