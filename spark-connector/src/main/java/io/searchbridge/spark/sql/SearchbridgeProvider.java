package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.spark.SecretRedaction;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("searchbridge")} and {@code df.write.format("searchbridge")}: the index,
 * alias or pattern comes from the path ({@code load("index")}) or {@code es.resource}. Reads and
 * streaming writes are DataSource V2; batch writes come in through {@link CreatableRelationProvider}
 * so that all four save modes work (see {@link SaveModes}).
 */
public final class SearchbridgeProvider implements TableProvider, DataSourceRegister, CreatableRelationProvider {

  /** Spark creates the provider before it plans a read or write with it: the moment to hide our secrets. */
  public SearchbridgeProvider() {
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      SecretRedaction.extend(active.get());
    }
  }

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

  @Override
  public BaseRelation createRelation(SQLContext sqlContext, SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters, Dataset<Row> data) {
    SaveModes.save(mode, parameters, data);
    StructType schema = data.schema();
    // Spark only looks for cached plans over this relation; it is never scanned.
    return new BaseRelation() {
      @Override
      public SQLContext sqlContext() {
        return sqlContext;
      }

      @Override
      public StructType schema() {
        return schema;
      }
    };
  }
}
