package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("searchbridge")} and {@code df.write.format("searchbridge")}: the index,
 * alias or pattern comes from the path ({@code load("index")}) or {@code es.resource}.
 */
public final class SearchbridgeProvider implements TableProvider, DataSourceRegister {

  @Override
  public String shortName() {
    return "searchbridge";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    EsTableOptions table = EsTableOptions.of(options.asCaseSensitiveMap());
    // Spark also asks for a schema before writes; an index that does not exist yet has none.
    try (EsClient client = ElasticsearchJavaClient.open(table.settings(), "searchbridge/infer-schema")) {
      if (table.readResource().isEmpty() || !client.indexExists(table.readResource().get())) {
        return new StructType();
      }
      return ReadSchemas.resolve(client, table.settings(), table.readResource().get()).inferred().sparkSchema();
    }
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new EsTable(EsTableOptions.of(properties), schema);
  }
}
