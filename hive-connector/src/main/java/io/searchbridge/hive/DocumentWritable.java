package io.searchbridge.hive;

import io.searchbridge.core.json.Json;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.Writable;

/**
 * One document written by {@link EsSerDe}: plain Java values, so that DECIMAL stays an exact
 * number on its way to the core's encoder. Serialized as JSON should Hive ever ship it.
 */
public final class DocumentWritable implements Writable {

  private Map<String, Object> fields;

  public DocumentWritable() {
    this(new LinkedHashMap<>());
  }

  DocumentWritable(Map<String, Object> fields) {
    this.fields = fields;
  }

  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    byte[] json = Json.MAPPER.writeValueAsBytes(fields);
    out.writeInt(json.length);
    out.write(json);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readFields(DataInput in) throws IOException {
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    fields = Json.MAPPER.readValue(json, LinkedHashMap.class);
  }
}
