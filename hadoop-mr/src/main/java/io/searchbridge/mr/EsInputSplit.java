package io.searchbridge.mr;

import io.searchbridge.core.plan.PartitionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/**
 * One core partition (a shard, read with its own point-in-time) as a Hadoop split. It carries only the
 * partition; the query and settings come from the job's Configuration in the task.
 */
public class EsInputSplit extends InputSplit implements Writable {

  private PartitionSpec partition;

  /** For Hadoop, which creates splits empty and then calls {@link #readFields}. */
  public EsInputSplit() {}

  public EsInputSplit(PartitionSpec partition) {
    this.partition = partition;
  }

  public PartitionSpec partition() {
    return partition;
  }

  /** Unknown without counting; Hadoop only uses it to order splits. */
  @Override
  public long getLength() {
    return 0;
  }

  /** The hosts of the shard's copies, so that a scheduler may run the task next to the data. */
  @Override
  public String[] getLocations() {
    return partition.preferredHosts().stream().filter(h -> h != null && !h.isEmpty()).distinct().toArray(String[]::new);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(partition);
    }
    out.writeInt(bytes.size());
    out.write(bytes.toByteArray());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      partition = (PartitionSpec) objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot read an Elasticsearch split: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "EsInputSplit" + partition;
  }
}
