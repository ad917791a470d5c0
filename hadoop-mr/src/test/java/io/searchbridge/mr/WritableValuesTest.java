package io.searchbridge.mr;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.plan.ShardPartition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.ArrayWritable;
import org.apache.hadoop.io.BooleanWritable;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.FloatWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.MapWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.junit.jupiter.api.Test;

class WritableValuesTest {

  @Test
  void scalarsBecomeTheirWritables() {
    assertThat(WritableValues.toWritable("a")).isEqualTo(new Text("a"));
    assertThat(WritableValues.toWritable(7)).isEqualTo(new IntWritable(7));
    assertThat(WritableValues.toWritable(7L)).isEqualTo(new LongWritable(7));
    assertThat(WritableValues.toWritable(1.5)).isEqualTo(new DoubleWritable(1.5));
    assertThat(WritableValues.toWritable(true)).isEqualTo(new BooleanWritable(true));
    assertThat(WritableValues.toWritable(null)).isSameAs(NullWritable.get());
    assertThat(WritableValues.toWritable(new BigInteger("123456789012345678901234"))).isEqualTo(new Text("123456789012345678901234"));
  }

  @Test
  void mapsBecomeMapWritablesWithTextKeys() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("city", "Oslo");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("n", 1);
    doc.put("address", inner);
    doc.put("missing", null);
    MapWritable result = (MapWritable) WritableValues.toWritable(doc);
    assertThat(result.get(new Text("n"))).isEqualTo(new IntWritable(1));
    assertThat(((MapWritable) result.get(new Text("address"))).get(new Text("city"))).isEqualTo(new Text("Oslo"));
    assertThat(result.get(new Text("missing"))).isSameAs(NullWritable.get());
  }

  @Test
  void stringListsBecomeTextArraysAndOtherListsGenericArrays() {
    ArrayWritable tags = (ArrayWritable) WritableValues.toWritable(List.of("a", "b"));
    assertThat(tags.getValueClass()).isEqualTo(Text.class);
    assertThat(tags.toStrings()).containsExactly("a", "b");
    Writable mixed = WritableValues.toWritable(Arrays.asList(1, "x", null));
    assertThat(mixed).isInstanceOf(WritableArrayWritable.class);
    assertThat(((ArrayWritable) mixed).get()).containsExactly(new IntWritable(1), new Text("x"), NullWritable.get());
  }

  @Test
  void mixedArraysSurviveHadoopSerialization() throws IOException {
    WritableArrayWritable original = (WritableArrayWritable) WritableValues.toWritable(Arrays.asList(1, 2L, "x", null,
        Map.of("k", true)));
    WritableArrayWritable copy = new WritableArrayWritable();
    copy.readFields(roundTrip(original));
    assertThat(WritableValues.toJava(copy)).isEqualTo(Arrays.asList(1, 2L, "x", null, Map.of("k", true)));
  }

  @Test
  void writablesConvertBackToJavaForWriting() {
    MapWritable doc = new MapWritable();
    doc.put(new Text("name"), new Text("x"));
    doc.put(new Text("n"), new IntWritable(3));
    doc.put(new Text("f"), new FloatWritable(0.5f));
    doc.put(new Text("tags"), new ArrayWritable(new String[] {"a"}));
    doc.put(new Text("none"), NullWritable.get());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "x");
    expected.put("n", 3);
    expected.put("f", 0.5f);
    expected.put("tags", List.of("a"));
    expected.put("none", null);
    assertThat(WritableValues.toJava(doc)).isEqualTo(expected);
  }

  @Test
  void splitsCarryTheirPartitionAndHosts() throws IOException {
    EsInputSplit split = new EsInputSplit(new ShardPartition(2, "logs", 3, List.of("10.0.0.1", "10.0.0.2", "10.0.0.1", "")));
    EsInputSplit copy = new EsInputSplit();
    copy.readFields(roundTrip(split));
    assertThat(copy.partition()).isEqualTo(split.partition());
    assertThat(copy.getLocations()).containsExactly("10.0.0.1", "10.0.0.2");
  }

  private static DataInputStream roundTrip(Writable writable) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writable.write(new DataOutputStream(bytes));
    return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
  }
}
