package io.searchbridge.spark.schema;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.write.DocumentFields;
import io.searchbridge.spark.schema.ScalarReaders.ScalarReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@link DocumentFields} over one Spark row at a time, for the few paths that settings name
 * (metadata, index-name placeholders). Paths are resolved against the schema up front, so a
 * misspelt setting fails before the first row, naming the setting; per row it only follows
 * ordinals. Rebound to each row rather than allocated, like the encoder that owns it.
 */
final class RowFields implements DocumentFields {

  private final Map<String, Accessor> accessors = new HashMap<>();
  private InternalRow row;

  /** @param settingByPath each path to read, with the setting that names it, for errors */
  RowFields(StructType schema, Map<String, String> settingByPath) {
    settingByPath.forEach((path, setting) -> accessors.put(path, resolve(schema, path, setting)));
  }

  RowFields bind(InternalRow row) {
    this.row = row;
    return this;
  }

  /** Null also for a path no setting named: the row has no such field as far as callers are concerned. */
  @Override
  public Object get(String dottedPath) {
    Accessor accessor = accessors.get(dottedPath);
    return accessor == null ? null : accessor.read(row);
  }

  /**
   * Matches whole names before splitting on dots, because Spark column names may contain dots
   * (e.g. a column literally named {@code "user.id"}).
   */
  private static Accessor resolve(StructType schema, String path, String setting) {
    List<int[]> steps = new ArrayList<>();
    StructType struct = schema;
    String rest = path;
    while (true) {
      StructField[] fields = struct.fields();
      int ordinal = find(fields, rest);
      if (ordinal < 0) {
        throw new InvalidSettingException(setting, setting + " names field [" + path + "], which the DataFrame"
            + " does not have; its fields are " + leafPaths(schema, ""));
      }
      StructField field = fields[ordinal];
      steps.add(new int[] {ordinal, fields.length});
      if (rest.equals(field.name())) {
        return new Accessor(steps.toArray(int[][]::new), leafReader(field.dataType(), path, setting));
      }
      if (!(field.dataType() instanceof StructType nested)) {
        throw new InvalidSettingException(setting, setting + " names field [" + path + "], but [" + field.name()
            + "] is of type " + field.dataType().simpleString() + " and has no fields");
      }
      struct = nested;
      rest = rest.substring(field.name().length() + 1);
    }
  }

  /** The field named exactly {@code rest}, else the one {@code rest} continues below; -1 for none. */
  private static int find(StructField[] fields, String rest) {
    for (int i = 0; i < fields.length; i++) {
      if (rest.equals(fields[i].name())) {
        return i;
      }
    }
    for (int i = 0; i < fields.length; i++) {
      if (rest.startsWith(fields[i].name() + ".")) {
        return i;
      }
    }
    return -1;
  }

  private static ScalarReader leafReader(DataType type, String path, String setting) {
    return ScalarReaders.forType(type).orElseThrow(() -> new InvalidSettingException(setting, setting
        + " names field [" + path + "] of type " + type.simpleString() + "; it must name a single value:"
        + " a string, number, boolean, date or timestamp"));
  }

  private static List<String> leafPaths(StructType struct, String prefix) {
    List<String> paths = new ArrayList<>();
    for (StructField field : struct.fields()) {
      String path = prefix + field.name();
      if (field.dataType() instanceof StructType nested) {
        paths.addAll(leafPaths(nested, path + "."));
      } else {
        paths.add(path);
      }
    }
    return paths;
  }

  /** Each step is {ordinal, width of the struct it indexes}; the last one holds the value. */
  private record Accessor(int[][] steps, ScalarReader leaf) {

    Object read(InternalRow row) {
      InternalRow struct = row;
      for (int i = 0; i < steps.length - 1; i++) {
        if (struct.isNullAt(steps[i][0])) {
          return null;
        }
        struct = struct.getStruct(steps[i][0], steps[i + 1][1]);
      }
      int ordinal = steps[steps.length - 1][0];
      return struct.isNullAt(ordinal) ? null : leaf.read(struct, ordinal);
    }
  }
}
