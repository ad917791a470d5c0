package io.searchbridge.mr;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.ArrayWritable;
import org.apache.hadoop.io.ObjectWritable;
import org.apache.hadoop.io.Writable;

/**
 * An array of mixed Writables (a JSON array of numbers, objects or mixed values). Each element is
 * serialized with its class name, since a plain ArrayWritable can hold one concrete class only.
 */
public final class WritableArrayWritable extends ArrayWritable {

  private static final Configuration CONF = new Configuration(false);

  public WritableArrayWritable() {
    super(Writable.class);
  }

  public WritableArrayWritable(Writable[] values) {
    super(Writable.class, values);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Writable[] values = get();
    out.writeInt(values.length);
    for (Writable value : values) {
      ObjectWritable.writeObject(out, value, value.getClass(), CONF);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    Writable[] values = new Writable[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Writable) ObjectWritable.readObject(in, CONF);
    }
    set(values);
  }
}
