package io.searchbridge.spark.schema;

import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.spark.schema.ColumnSpec.Decoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A user-given schema bound to the mapping: the user's types decide what Spark sees, the mapping
 * still says how to read values (date formats, geo_point and join forms, flattened keys, alias
 * targets). Columns the mapping lacks are read by their Spark type from the key of their name.
 */
final class UserSchemaBinding {

  private final ResolvedMapping mapping;

  private UserSchemaBinding(ResolvedMapping mapping) {
    this.mapping = mapping;
  }

  static List<ColumnSpec> columns(StructType schema, ResolvedMapping mapping) {
    return new UserSchemaBinding(mapping).fields("", schema, "");
  }

  private List<ColumnSpec> fields(String parentPath, StructType struct, String inheritedFormat) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (StructField field : struct.fields()) {
      columns.add(bind(parentPath, field, inheritedFormat));
    }
    return columns;
  }

  private ColumnSpec bind(String parentPath, StructField column, String inheritedFormat) {
    String path = ColumnSpec.join(parentPath, column.name());
    Optional<Field> declared = mapping.find(path).filter(f -> !SchemaInference.isRuntime(f));
    String aliasTarget = "";
    Optional<Field> read = declared;
    if (declared.isPresent() && declared.get().type() == FieldType.ALIAS) {
      aliasTarget = String.valueOf(declared.get().params().get(Field.PARAM_ALIAS_PATH));
      read = mapping.find(aliasTarget);
    }
    // Range bounds are no fields of their own: they inherit the range's date format.
    String format = read.flatMap(Field::format).orElse(inheritedFormat);
    DataType type = column.dataType();
    StructType struct = ColumnSpec.innermostStruct(type);
    List<ColumnSpec> children = struct == null ? List.of() : fields(path, struct, format);
    return new ColumnSpec(
        column.name(), path, type, decoding(read, type, struct != null), format, aliasTarget,
        children);
  }

  private static Decoding decoding(Optional<Field> field, DataType type, boolean struct) {
    if (field.isEmpty()) {
      return struct ? Decoding.OBJECT : Decoding.VALUE;
    }
    FieldType fieldType = field.get().type();
    if (struct && fieldType == FieldType.GEO_POINT) {
      return Decoding.GEO_POINT;
    }
    if (struct && fieldType == FieldType.JOIN) {
      return Decoding.JOIN;
    }
    if (struct && fieldType == FieldType.IP_RANGE) {
      return Decoding.IP_RANGE;
    }
    if (type instanceof MapType && fieldType == FieldType.FLATTENED) {
      return Decoding.FLATTENED;
    }
    if (fieldType.hasChildren()) {
      return struct ? Decoding.OBJECT : Decoding.RAW_JSON;
    }
    return SchemaInference.OPAQUE.contains(fieldType) ? Decoding.RAW_JSON : Decoding.VALUE;
  }
}
