package io.searchbridge.spark.sql;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Internal: the DataSource V2 batch write behind {@code df.write.format("searchbridge")}. {@link
 * SaveModes} hands every DataFrame write to this provider (by class name, with mode append or
 * overwrite) once it has applied the save mode; it is not registered under a short name.
 */
public final class EsBatchWriteProvider implements TableProvider {

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    // never asked: Spark passes the DataFrame's schema to getTable (supportsExternalMetadata)
    return new StructType();
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new EsTable(EsTableOptions.of(properties), schema, true);
  }
}
