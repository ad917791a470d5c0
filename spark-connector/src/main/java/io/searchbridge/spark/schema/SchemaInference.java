package io.searchbridge.spark.schema;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.ArrayFieldRules;
import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.spark.schema.ColumnSpec.Decoding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mapping to columns, following the type table in {@code spark-connector/TYPES.md}. Runtime
 * fields and multi-fields are not columns: they are not in {@code _source}.
 */
final class SchemaInference {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaInference.class);

  /** Types whose _source value is read as JSON text (or a WKT/plain string as given). */
  static final Set<FieldType> OPAQUE =
      EnumSet.of(
          FieldType.GEO_SHAPE,
          FieldType.SHAPE,
          FieldType.POINT,
          FieldType.PERCOLATOR,
          FieldType.COMPLETION,
          FieldType.SEMANTIC_TEXT,
          FieldType.EXPONENTIAL_HISTOGRAM,
          FieldType.TDIGEST,
          FieldType.UNKNOWN);

  /** The element type, decoding and struct fields of a column before array wrapping. */
  private record Shape(DataType type, Decoding decoding, List<ColumnSpec> children) {
    static Shape of(DataType type) {
      return new Shape(type, Decoding.VALUE, List.of());
    }
  }

  private final ResolvedMapping mapping;
  private final FieldFilter filter;
  private final boolean richDates;

  private SchemaInference(ResolvedMapping mapping, FieldFilter filter, boolean richDates) {
    this.mapping = mapping;
    this.filter = filter;
    this.richDates = richDates;
  }

  static List<ColumnSpec> columns(ResolvedMapping mapping, Settings settings) {
    ResolvedMapping marked =
        ArrayFieldRules.of(
                settings.get(Keys.READ_FIELD_AS_ARRAY_INCLUDE),
                settings.get(Keys.READ_FIELD_AS_ARRAY_EXCLUDE))
            .apply(mapping);
    FieldFilter filter =
        FieldFilter.of(settings.get(Keys.READ_FIELD_INCLUDE), settings.get(Keys.READ_FIELD_EXCLUDE));
    return new SchemaInference(marked, filter, settings.get(Keys.MAPPING_DATE_RICH))
        .level("", marked.fields(), false);
  }

  static boolean isRuntime(Field field) {
    return Boolean.TRUE.equals(field.params().get(Field.PARAM_RUNTIME));
  }

  private List<ColumnSpec> level(String parentPath, List<Field> fields, boolean parentIncluded) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Field field : fields) {
      column(parentPath, field, parentIncluded).ifPresent(columns::add);
    }
    return columns;
  }

  private Optional<ColumnSpec> column(String parentPath, Field field, boolean parentIncluded) {
    String path = field.path();
    if (isRuntime(field) || filter.excluded(path)) {
      return Optional.empty();
    }
    boolean included = parentIncluded || filter.included(path);
    if (field.type().hasChildren() && !field.children().isEmpty()) {
      if (!included && !filter.mayIncludeBelow(path)) {
        return Optional.empty();
      }
      List<ColumnSpec> children = level(path, field.children(), included);
      if (children.isEmpty()) {
        return Optional.empty();
      }
      int minDepth = field.type() == FieldType.NESTED ? 1 : 0;
      Shape shape = new Shape(ColumnSpec.structOf(children), Decoding.OBJECT, children);
      return Optional.of(spec(field, shape, minDepth, ""));
    }
    if (!included) {
      return Optional.empty();
    }
    if (field.type() == FieldType.ALIAS) {
      return alias(parentPath, field);
    }
    int minDepth = field.type() == FieldType.NESTED ? 1 : 0;
    return Optional.of(spec(field, shape(field), minDepth, ""));
  }

  /** An alias shows its target's value, so it is read like the target, from the target's key. */
  private Optional<ColumnSpec> alias(String parentPath, Field alias) {
    Object targetPath = alias.params().get(Field.PARAM_ALIAS_PATH);
    Optional<Field> target =
        targetPath == null ? Optional.empty() : mapping.find(targetPath.toString());
    if (target.isEmpty() || target.get().type() == FieldType.ALIAS || isRuntime(target.get())) {
      LOG.warn("Alias field [{}] points to [{}], which is not a mapped field in _source;"
          + " leaving it out of the schema", alias.path(), targetPath);
      return Optional.empty();
    }
    if (!parentPath.isEmpty() && !targetPath.toString().startsWith(parentPath + ".")) {
      LOG.warn("Alias field [{}] points to [{}], outside its own object; leaving it out of the"
          + " schema (select [{}] instead)", alias.path(), targetPath, targetPath);
      return Optional.empty();
    }
    ColumnSpec read = spec(target.get(), shape(target.get()), 0, "");
    return Optional.of(spec(alias, new Shape(read.type(), read.decoding(), read.children()), 0,
        target.get().path()));
  }

  private ColumnSpec spec(Field field, Shape shape, int minDepth, String aliasTarget) {
    int declared =
        field.array()
            ? ((Number) field.params().getOrDefault(Field.PARAM_ARRAY_DEPTH, 1)).intValue()
            : 0;
    DataType type = shape.type();
    for (int depth = Math.max(declared, minDepth); depth > 0; depth--) {
      type = DataTypes.createArrayType(type);
    }
    String format = field.format().orElse("");
    return new ColumnSpec(
        field.name(), field.path(), type, shape.decoding(), format, aliasTarget, shape.children());
  }

  private Shape shape(Field field) {
    String path = field.path();
    String format = field.format().orElse("");
    FieldType type = field.type();
    if (type.isStringLike() || type == FieldType.IP || type == FieldType.VERSION
        || type == FieldType.MURMUR3) {
      return type == FieldType.SEMANTIC_TEXT
          ? new Shape(DataTypes.StringType, Decoding.RAW_JSON, List.of())
          : Shape.of(DataTypes.StringType);
    }
    if (type.isDate()) {
      return Shape.of(dateType());
    }
    if (type.isRange()) {
      DataType bound = rangeBound(type);
      List<ColumnSpec> bounds = new ArrayList<>();
      for (String name : List.of("gte", "gt", "lte", "lt")) {
        bounds.add(ColumnSpec.leaf(path, name, bound, format));
      }
      Decoding decoding = type == FieldType.IP_RANGE ? Decoding.IP_RANGE : Decoding.VALUE;
      return new Shape(ColumnSpec.structOf(bounds), decoding, bounds);
    }
    switch (type) {
      case LONG:
        return Shape.of(DataTypes.LongType);
      case INTEGER:
      case TOKEN_COUNT:
        return Shape.of(DataTypes.IntegerType);
      case SHORT:
        return Shape.of(DataTypes.ShortType);
      case BYTE:
        return Shape.of(DataTypes.ByteType);
      case DOUBLE:
      case SCALED_FLOAT:
        return Shape.of(DataTypes.DoubleType);
      case FLOAT:
      case HALF_FLOAT:
      case RANK_FEATURE:
        return Shape.of(DataTypes.FloatType);
      case UNSIGNED_LONG:
        return Shape.of(DataTypes.createDecimalType(20, 0));
      case BOOLEAN:
        return Shape.of(DataTypes.BooleanType);
      case BINARY:
        return Shape.of(DataTypes.BinaryType);
      case DENSE_VECTOR:
        return Shape.of(DataTypes.createArrayType(DataTypes.FloatType));
      case RANK_VECTORS:
        return Shape.of(
            DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType)));
      case SPARSE_VECTOR:
      case RANK_FEATURES:
        return Shape.of(DataTypes.createMapType(DataTypes.StringType, DataTypes.FloatType));
      case FLATTENED:
        return new Shape(
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
            Decoding.FLATTENED,
            List.of());
      case GEO_POINT:
        return structShape(Decoding.GEO_POINT, List.of(
            ColumnSpec.leaf(path, "lat", DataTypes.DoubleType, ""),
            ColumnSpec.leaf(path, "lon", DataTypes.DoubleType, "")));
      case JOIN:
        return structShape(Decoding.JOIN, List.of(
            ColumnSpec.leaf(path, "name", DataTypes.StringType, ""),
            ColumnSpec.leaf(path, "parent", DataTypes.StringType, "")));
      case HISTOGRAM:
        return structShape(Decoding.VALUE, List.of(
            ColumnSpec.leaf(path, "values", DataTypes.createArrayType(DataTypes.DoubleType), ""),
            ColumnSpec.leaf(path, "counts", DataTypes.createArrayType(DataTypes.LongType), "")));
      case AGGREGATE_METRIC_DOUBLE:
        return structShape(Decoding.VALUE, List.of(
            ColumnSpec.leaf(path, "min", DataTypes.DoubleType, ""),
            ColumnSpec.leaf(path, "max", DataTypes.DoubleType, ""),
            ColumnSpec.leaf(path, "sum", DataTypes.DoubleType, ""),
            ColumnSpec.leaf(path, "value_count", DataTypes.LongType, "")));
      default:
        if (type == FieldType.UNKNOWN) {
          LOG.warn("Field [{}] has type [{}], which Searchbridge does not know; reading it as"
              + " a string holding its JSON value", path, field.esType());
        }
        // Also objects without properties (enabled: false, or nothing indexed yet).
        return new Shape(DataTypes.StringType, Decoding.RAW_JSON, List.of());
    }
  }

  private DataType dateType() {
    return richDates ? DataTypes.TimestampType : DataTypes.StringType;
  }

  private DataType rangeBound(FieldType type) {
    switch (type) {
      case INTEGER_RANGE:
        return DataTypes.IntegerType;
      case LONG_RANGE:
        return DataTypes.LongType;
      case FLOAT_RANGE:
        return DataTypes.FloatType;
      case DOUBLE_RANGE:
        return DataTypes.DoubleType;
      case DATE_RANGE:
        return dateType();
      default:
        return DataTypes.StringType;
    }
  }

  private static Shape structShape(Decoding decoding, List<ColumnSpec> children) {
    return new Shape(ColumnSpec.structOf(children), decoding, children);
  }
}
