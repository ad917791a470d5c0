package io.searchbridge.spark.schema;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.spark.schema.ColumnSpec.Decoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/** Builds the codec tree for a list of {@link ColumnSpec}s; the Spark type picks the codec. */
final class CodecFactory {

  private CodecFactory() {}

  /** The codec of a row whose fields are {@code columns}; metadata columns are left unset. */
  static StructCodec struct(String path, List<ColumnSpec> columns, Decoding decoding) {
    StructType type = ColumnSpec.structOf(columns);
    Map<String, List<StructCodec.Slot>> slotsByKey = new HashMap<>();
    StructCodec.Slot scalarSlot = null;
    for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
      ColumnSpec column = columns.get(ordinal);
      if (column.decoding() == Decoding.METADATA) {
        continue;
      }
      ValueCodec codec = codec(column, column.type());
      String key = column.name();
      if (!column.aliasTarget().isEmpty()) {
        String relative = aliasKey(path, column);
        int dot = relative.indexOf('.');
        key = dot < 0 ? relative : relative.substring(0, dot);
        codec = dot < 0 ? codec : new PathCodec(relative.substring(dot + 1), codec);
      }
      StructCodec.Slot slot = new StructCodec.Slot(ordinal, codec);
      slotsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
      if (decoding == Decoding.JOIN && column.name().equals("name")) {
        scalarSlot = slot;
      }
    }
    return new StructCodec(path, type, slotsByKey, scalarSlot);
  }

  /**
   * The alias target's path relative to the struct holding the alias: a struct only sees its own
   * keys, so a target elsewhere cannot be read.
   */
  private static String aliasKey(String parentPath, ColumnSpec alias) {
    String target = alias.aliasTarget();
    if (parentPath.isEmpty()) {
      return target;
    }
    if (!target.startsWith(parentPath + ".")) {
      throw new SearchbridgeException(
          String.format(
              "Alias column [%s] points to [%s], outside its own object [%s]; select [%s]"
                  + " instead",
              alias.path(), target, parentPath, target));
    }
    return target.substring(parentPath.length() + 1);
  }

  private static ValueCodec codec(ColumnSpec column, DataType type) {
    String path = column.path();
    if (type instanceof ArrayType array) {
      return new ArrayCodec(codec(column, array.elementType()));
    }
    if (type instanceof StructType struct) {
      if (column.decoding() == Decoding.GEO_POINT) {
        return new GeoPointCodec(path, struct);
      }
      StructCodec fields = struct(path, column.children(), column.decoding());
      return column.decoding() == Decoding.IP_RANGE ? new IpRangeCodec(path, struct, fields) : fields;
    }
    if (type instanceof MapType map && map.keyType() == DataTypes.StringType) {
      if (ColumnSpec.innermostStruct(map.valueType()) != null) {
        throw unsupported(path, type);
      }
      return new MapCodec(
          path, map, codec(column, map.valueType()), column.decoding() == Decoding.FLATTENED);
    }
    if (type == DataTypes.StringType) {
      boolean opaque =
          column.decoding() == Decoding.RAW_JSON || column.decoding() == Decoding.FLATTENED;
      return new StringCodec(path, opaque);
    }
    if (type == DataTypes.TimestampType || type == DataTypes.DateType) {
      return new TimestampCodec(path, type, column.format());
    }
    if (type == DataTypes.BooleanType) {
      return new BooleanCodec(path);
    }
    if (type == DataTypes.BinaryType) {
      return new BinaryCodec(path);
    }
    if (NumberCodec.supports(type)) {
      return new NumberCodec(path, type);
    }
    throw unsupported(path, type);
  }

  private static SearchbridgeException unsupported(String path, DataType type) {
    return new SearchbridgeException(
        String.format(
            "Column [%s] is declared as %s, which cannot be read from Elasticsearch; use string,"
                + " numeric, boolean, binary, timestamp, date, struct, array or map<string,_>"
                + " types",
            path, type.simpleString()));
  }
}
