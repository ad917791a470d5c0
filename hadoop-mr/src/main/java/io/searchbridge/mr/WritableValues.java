package io.searchbridge.mr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.ArrayWritable;
import org.apache.hadoop.io.BooleanWritable;
import org.apache.hadoop.io.ByteWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.FloatWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.MapWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.ShortWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.VIntWritable;
import org.apache.hadoop.io.VLongWritable;
import org.apache.hadoop.io.Writable;

/**
 * Converts between JSON values as plain Java (what the core reads and writes) and Writables.
 *
 * <p>Reading: String → Text, Integer → IntWritable, Long → LongWritable, Double → DoubleWritable,
 * Boolean → BooleanWritable, null → NullWritable, Map → MapWritable (Text keys), List →
 * ArrayWritable of Text when every element is a string, else {@link WritableArrayWritable}; other
 * numbers (e.g. integers beyond 64 bits) → Text of their decimal form.
 *
 * <p>Writing, the other way round, also accepts FloatWritable, ShortWritable, ByteWritable,
 * VIntWritable and VLongWritable; any other Writable is written as its {@code toString()}.
 */
public final class WritableValues {

  private WritableValues() {}

  public static Writable toWritable(Object value) {
    if (value == null) {
      return NullWritable.get();
    }
    if (value instanceof String s) {
      return new Text(s);
    }
    if (value instanceof Integer i) {
      return new IntWritable(i);
    }
    if (value instanceof Long l) {
      return new LongWritable(l);
    }
    if (value instanceof Double d) {
      return new DoubleWritable(d);
    }
    if (value instanceof Float f) {
      return new DoubleWritable(f);
    }
    if (value instanceof Boolean b) {
      return new BooleanWritable(b);
    }
    if (value instanceof Map<?, ?> map) {
      MapWritable result = new MapWritable();
      map.forEach((k, v) -> result.put(new Text(String.valueOf(k)), toWritable(v)));
      return result;
    }
    if (value instanceof List<?> list) {
      if (list.stream().allMatch(String.class::isInstance)) {
        return new ArrayWritable(list.toArray(String[]::new));
      }
      return new WritableArrayWritable(list.stream().map(WritableValues::toWritable).toArray(Writable[]::new));
    }
    return new Text(value.toString());
  }

  /** A Writable as the plain Java value the core serializes to JSON. */
  public static Object toJava(Writable value) {
    if (value == null || value instanceof NullWritable) {
      return null;
    }
    if (value instanceof Text t) {
      return t.toString();
    }
    if (value instanceof IntWritable i) {
      return i.get();
    }
    if (value instanceof LongWritable l) {
      return l.get();
    }
    if (value instanceof DoubleWritable d) {
      return d.get();
    }
    if (value instanceof FloatWritable f) {
      return f.get();
    }
    if (value instanceof BooleanWritable b) {
      return b.get();
    }
    if (value instanceof ShortWritable s) {
      return s.get();
    }
    if (value instanceof ByteWritable b) {
      return b.get();
    }
    if (value instanceof VIntWritable v) {
      return v.get();
    }
    if (value instanceof VLongWritable v) {
      return v.get();
    }
    if (value instanceof BytesWritable b) {
      return b.copyBytes();
    }
    if (value instanceof MapWritable map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(k.toString(), toJava(v)));
      return result;
    }
    if (value instanceof ArrayWritable array) {
      List<Object> result = new ArrayList<>();
      for (Writable element : array.get()) {
        result.add(toJava(element));
      }
      return result;
    }
    return value.toString();
  }
}
