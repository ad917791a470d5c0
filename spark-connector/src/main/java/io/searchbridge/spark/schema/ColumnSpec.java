package io.searchbridge.spark.schema;

import io.searchbridge.core.SearchbridgeException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What an executor needs to decode one column or struct field: the serializable extract of a
 * mapping {@code Field} (which is not serializable) together with its Spark type.
 *
 * @param name the column or struct field name, also its key in {@code _source}
 * @param path the full dotted path, for {@code _source} filtering and error messages
 * @param type the Spark type, arrays included
 * @param decoding how to read values whose Spark type alone does not say it
 * @param format the mapping's date format ("" for Elasticsearch's default)
 * @param aliasTarget for alias fields the path whose {@code _source} value they show, else ""
 * @param children the fields of the innermost struct of {@code type} (below any arrays), in order
 */
record ColumnSpec(
    String name,
    String path,
    DataType type,
    Decoding decoding,
    String format,
    String aliasTarget,
    List<ColumnSpec> children)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  enum Decoding {
    /** By the Spark type alone. */
    VALUE,
    /** object and nested fields: children are mapped fields with their own _source keys. */
    OBJECT,
    /** Opaque values (shapes, queries, unknown types) kept as JSON text, arrays included. */
    RAW_JSON,
    GEO_POINT,
    /** A join field: the object form, or its name as a plain string. */
    JOIN,
    /** An ip_range: the object form, or a CIDR block as a plain string. */
    IP_RANGE,
    /** Keys of inner objects joined with dots; scalar values as strings. */
    FLATTENED,
    /** The es.read.metadata column: not in _source. */
    METADATA
  }

  ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    children = List.copyOf(children);
  }

  static ColumnSpec leaf(String parentPath, String name, DataType type, String format) {
    return new ColumnSpec(
        name, join(parentPath, name), type, Decoding.VALUE, format, "", List.of());
  }

  static String join(String parentPath, String name) {
    return parentPath.isEmpty() ? name : parentPath + "." + name;
  }

  static StructType structOf(List<ColumnSpec> columns) {
    return new StructType(columns.stream().map(ColumnSpec::structField).toArray(StructField[]::new));
  }

  StructField structField() {
    return new StructField(name, type, true, Metadata.empty());
  }

  /** The same column with its (innermost) struct reduced to the fields {@code required} names. */
  ColumnSpec prune(DataType required) {
    StructType requiredStruct = innermostStruct(required);
    if (children.isEmpty() || requiredStruct == null) {
      return this;
    }
    List<ColumnSpec> kept = new ArrayList<>();
    for (StructField field : requiredStruct.fields()) {
      kept.add(child(field.name()).prune(field.dataType()));
    }
    return new ColumnSpec(
        name, path, withInnermost(type, structOf(kept)), decoding, format, aliasTarget, kept);
  }

  /**
   * The {@code _source} paths this column reads. Objects list their fields, so that a pruned
   * struct fetches only what it shows; every other type is one value.
   */
  void collectSourcePaths(List<String> into) {
    if (decoding == Decoding.METADATA) {
      return;
    }
    if (decoding == Decoding.OBJECT && !children.isEmpty()) {
      children.forEach(child -> child.collectSourcePaths(into));
    } else {
      into.add(aliasTarget.isEmpty() ? path : aliasTarget);
    }
  }

  private ColumnSpec child(String childName) {
    return children.stream()
        .filter(child -> child.name().equals(childName))
        .findFirst()
        .orElseThrow(
            () ->
                new SearchbridgeException(
                    "Cannot prune [" + path + "] to field [" + childName + "]: it has no such"
                        + " field; it has " + children.stream().map(ColumnSpec::name).toList()));
  }

  static StructType innermostStruct(DataType type) {
    DataType element = type;
    while (element instanceof ArrayType array) {
      element = array.elementType();
    }
    return element instanceof StructType struct ? struct : null;
  }

  private static DataType withInnermost(DataType type, StructType struct) {
    return type instanceof ArrayType array
        ? new ArrayType(withInnermost(array.elementType(), struct), array.containsNull())
        : struct;
  }
}
