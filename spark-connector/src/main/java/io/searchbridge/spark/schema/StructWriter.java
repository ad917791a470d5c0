package io.searchbridge.spark.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.searchbridge.core.write.FieldFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a struct as a JSON object, holding only the fields {@link FieldFilter} lets through, with
 * their names pre-escaped, so per row it is a loop over arrays.
 */
final class StructWriter implements ValueWriter {

  private final int width;
  private final int[] ordinals;
  private final SerializedString[] names;
  private final ValueWriter[] writers;
  private final boolean writeNulls;

  /** @param path dotted path of the struct, empty for the row itself */
  StructWriter(StructType type, String path, FieldFilter filter, boolean writeNulls) {
    List<Integer> kept = new ArrayList<>();
    List<ValueWriter> keptWriters = new ArrayList<>();
    StructField[] fields = type.fields();
    for (int ordinal = 0; ordinal < fields.length; ordinal++) {
      String fieldPath = path.isEmpty() ? fields[ordinal].name() : path + "." + fields[ordinal].name();
      Optional<ValueWriter> writer = JsonWriters.forField(fields[ordinal].dataType(), fieldPath, filter, writeNulls);
      if (writer.isPresent()) {
        kept.add(ordinal);
        keptWriters.add(writer.get());
      }
    }
    this.width = fields.length;
    this.ordinals = kept.stream().mapToInt(Integer::intValue).toArray();
    this.names = kept.stream().map(ordinal -> new SerializedString(fields[ordinal].name()))
        .toArray(SerializedString[]::new);
    this.writers = keptWriters.toArray(ValueWriter[]::new);
    this.writeNulls = writeNulls;
  }

  @Override
  public void write(JsonGenerator json, SpecializedGetters data, int ordinal) throws IOException {
    writeObject(json, data.getStruct(ordinal, width));
  }

  void writeObject(JsonGenerator json, InternalRow row) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < ordinals.length; i++) {
      if (!row.isNullAt(ordinals[i])) {
        json.writeFieldName(names[i]);
        writers[i].write(json, row, ordinals[i]);
      } else if (writeNulls) {
        json.writeFieldName(names[i]);
        json.writeNull();
      }
    }
    json.writeEndObject();
  }
}
