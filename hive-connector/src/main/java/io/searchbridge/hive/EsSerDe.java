package io.searchbridge.hive;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.mr.WritableValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.AbstractSerDe;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.StructField;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;
import org.apache.hadoop.io.MapWritable;
import org.apache.hadoop.io.Writable;

/**
 * Rows of an Elasticsearch-backed table. Reading, a document (the {@link MapWritable} of the
 * MapReduce input format) becomes a row of Hive's standard Java objects, column by column through
 * {@link ColumnMapping}; writing, a row becomes a {@link DocumentWritable} for the output format.
 * Fields missing from a document read as NULL, and so do empty strings unless {@code
 * es.field.read.empty.as.null=false}; NULL columns are left out of written documents.
 */
public class EsSerDe extends AbstractSerDe {

  private List<String> columns;
  private List<TypeInfo> types;
  private ColumnMapping mapping;
  private boolean emptyAsNull;
  private StructObjectInspector inspector;

  @Override
  public void initialize(Configuration configuration, Properties tableProperties, Properties partitionProperties)
      throws SerDeException {
    super.initialize(configuration, tableProperties, partitionProperties);
    columns = getColumnNames();
    types = getColumnTypes();
    Settings settings = TableSettings.of(properties);
    mapping = ColumnMapping.of(columns, settings);
    emptyAsNull = settings.get(Keys.FIELD_READ_EMPTY_AS_NULL);
    inspector = (StructObjectInspector) TypeInfoUtils.getStandardJavaObjectInspectorFromTypeInfo(
        TypeInfoFactory.getStructTypeInfo(columns, types));
  }

  @Override
  public ObjectInspector getObjectInspector() {
    return inspector;
  }

  @Override
  public Class<? extends Writable> getSerializedClass() {
    return DocumentWritable.class;
  }

  @Override
  public Object deserialize(Writable document) throws SerDeException {
    if (!(document instanceof MapWritable source)) {
      throw new SerDeException("EsSerDe reads documents as MapWritable, got " + document.getClass().getName()
          + "; is es.output.json set on the table? The storage handler needs it unset");
    }
    Map<?, ?> fields = (Map<?, ?>) WritableValues.toJava(source);
    List<Object> row = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      String field = mapping.field(columns.get(i));
      Object value = SourceFields.get(fields, field);
      row.add(emptyAsNull && "".equals(value) ? null : HiveReadValues.convert(value, types.get(i), field));
    }
    return row;
  }

  @Override
  public Writable serialize(Object row, ObjectInspector rowInspector) throws SerDeException {
    StructObjectInspector struct = (StructObjectInspector) rowInspector;
    Map<String, Object> document = new LinkedHashMap<>();
    List<? extends StructField> fields = struct.getAllStructFieldRefs();
    for (int i = 0; i < fields.size(); i++) {
      // The insert's columns arrive positionally (_col0, ...): the table's names say where they go.
      String field = mapping.field(columns.get(i));
      Object value = HiveWriteValues.convert(struct.getStructFieldData(row, fields.get(i)),
          fields.get(i).getFieldObjectInspector(), field);
      if (value != null) {
        SourceFields.put(document, field, value);
      }
    }
    return new DocumentWritable(document);
  }
}
