package io.searchbridge.spark.schema;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.spark.schema.ColumnSpec.Decoding;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark view of an Elasticsearch resource for reading: the schema Spark sees, the
 * {@code _source} paths to request for it and the decoder that turns hits into rows. Built on the
 * driver, sent to executors (it holds only {@link ColumnSpec}s). See {@code spark-connector/TYPES.md}
 * for the type table.
 */
public final class EsReadSchema implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(EsReadSchema.class);

  private final List<ColumnSpec> columns;
  private final boolean emptyAsNull;

  private EsReadSchema(List<ColumnSpec> columns, boolean emptyAsNull) {
    this.columns = List.copyOf(columns);
    this.emptyAsNull = emptyAsNull;
  }

  /** Fails on the driver, not in every task: unreadable types, bad date formats, stray aliases. */
  private static EsReadSchema validated(List<ColumnSpec> columns, boolean emptyAsNull) {
    validateDateFormats(columns);
    EsReadSchema schema = new EsReadSchema(columns, emptyAsNull);
    schema.decoder();
    return schema;
  }

  /** The schema inferred from the mapping and the es.read.* settings. */
  public static EsReadSchema infer(ResolvedMapping mapping, Settings settings) {
    List<ColumnSpec> columns = new ArrayList<>(SchemaInference.columns(mapping, settings));
    if (settings.get(Keys.READ_METADATA)) {
      String name = settings.get(Keys.READ_METADATA_FIELD);
      if (columns.stream().anyMatch(column -> column.name().equals(name))) {
        throw new SearchbridgeException(
            String.format(
                "The mapping of %s has a field [%s], the name of the metadata column; set %s to"
                    + " another name",
                mapping.indexes(), name, Keys.READ_METADATA_FIELD.key()));
      }
      columns.add(metadataColumn(name));
    }
    return validated(columns, settings.get(Keys.FIELD_READ_EMPTY_AS_NULL));
  }

  /**
   * A user-given schema, which overrides inference; the mapping still supplies date formats and
   * the forms of special types. Columns the mapping lacks are allowed (null unless in
   * {@code _source}). With es.read.metadata, a column of the metadata name holds the metadata, and
   * is added when missing.
   */
  public static EsReadSchema userDefined(
      StructType schema, ResolvedMapping mapping, Settings settings) {
    boolean metadata = settings.get(Keys.READ_METADATA);
    String metadataName = settings.get(Keys.READ_METADATA_FIELD);
    List<ColumnSpec> columns = new ArrayList<>();
    List<StructField> sourceFields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (metadata && field.name().equals(metadataName)) {
        columns.add(metadataColumn(metadataName));
      } else {
        sourceFields.add(field);
        columns.add(null);
      }
    }
    List<ColumnSpec> bound =
        UserSchemaBinding.columns(new StructType(sourceFields.toArray(StructField[]::new)), mapping);
    for (int i = 0, next = 0; i < columns.size(); i++) {
      if (columns.get(i) == null) {
        columns.set(i, bound.get(next++));
      }
    }
    if (metadata && !schema.getFieldIndex(metadataName).isDefined()) {
      columns.add(metadataColumn(metadataName));
    }
    return validated(columns, settings.get(Keys.FIELD_READ_EMPTY_AS_NULL));
  }

  /** What Spark sees, the metadata column included. */
  public StructType sparkSchema() {
    return ColumnSpec.structOf(columns);
  }

  /**
   * Only the columns and nested struct fields {@code required} names, in its order.
   *
   * @throws SearchbridgeException when it names a column or field this schema lacks
   */
  public EsReadSchema prune(StructType required) {
    Map<String, ColumnSpec> byName =
        columns.stream().collect(Collectors.toMap(ColumnSpec::name, Function.identity()));
    List<ColumnSpec> pruned = new ArrayList<>();
    for (StructField field : required.fields()) {
      ColumnSpec column = byName.get(field.name());
      if (column == null) {
        throw new SearchbridgeException(
            "Cannot prune to column [" + field.name() + "]: the schema has " + byName.keySet());
      }
      pruned.add(column.prune(field.dataType()));
    }
    return new EsReadSchema(pruned, emptyAsNull);
  }

  /**
   * Dotted {@code _source} paths this schema reads (alias columns name their targets); empty when
   * no column comes from {@code _source}, so that the search can skip it.
   */
  public List<String> sourceIncludes() {
    List<String> paths = new ArrayList<>();
    columns.forEach(column -> column.collectSourcePaths(paths));
    return List.copyOf(new LinkedHashSet<>(paths));
  }

  /** A strict decoder: values that do not fit their column fail the task. */
  public EsRowDecoder decoder() {
    return decoder(false);
  }

  /**
   * @param lenient whether values that do not fit their column read as null (counted by {@link
   *     EsRowDecoder#malformedValueCount()}) instead of failing the task
   */
  public EsRowDecoder decoder(boolean lenient) {
    return new EsRowDecoder(columns, lenient, emptyAsNull);
  }

  private static ColumnSpec metadataColumn(String name) {
    return new ColumnSpec(
        name,
        name,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
        Decoding.METADATA,
        "",
        "",
        List.of());
  }

  private static void validateDateFormats(List<ColumnSpec> columns) {
    for (ColumnSpec column : columns) {
      if (column.type().existsRecursively(
          t -> t == DataTypes.TimestampType || t == DataTypes.DateType)) {
        try {
          DateFormats.of(column.format());
        } catch (IllegalArgumentException e) {
          throw new SearchbridgeException(
              String.format(
                  "Field [%s] has the date format [%s], which is not a known Elasticsearch format"
                      + " name nor a valid java.time pattern: %s",
                  column.path(), column.format(), e.getMessage()),
              e);
        }
        DateFormats.unknownName(column.format()).ifPresent(name -> LOG.warn(
            "Field [{}] uses the date format [{}], which Searchbridge reads as ISO 8601",
            column.path(), name));
      }
      validateDateFormats(column.children());
    }
  }
}
