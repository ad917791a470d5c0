package io.searchbridge.spark.sql;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.write.IndexNamePattern;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.catalyst.util.CaseInsensitiveMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four save modes of {@code df.write.format("searchbridge")}.
 *
 * <p>Why not a catalog: Spark 3.5's {@code DataFrameWriter.saveInternal} runs ErrorIfExists and
 * Ignore for a DataSource V2 {@code TableProvider} only if it implements {@code
 * SupportsCatalogOptions} (as a {@code CreateTableAsSelect} against the catalog it names);
 * otherwise it throws {@code writeWithSaveModeUnsupportedBySourceError}. But a provider with {@code
 * SupportsCatalogOptions} is also routed through that catalog for every read, and {@code
 * DataSourceV2Utils.loadV2Source} then rejects any {@code spark.read.schema(...)} ("does not support
 * user specified schema"), which would break user-given schemas. Besides, that CTAS does not hand
 * the writer's options to the catalog (its table spec has empty properties and options; they reach
 * only the write), so the connection settings could reach {@code tableExists}/{@code createTable}
 * only through side channels.
 *
 * <p>What is done instead is Spark's own fallback for a V2 table without {@code BATCH_WRITE}:
 * {@code saveInternal} then calls {@code saveToV1Source}, which runs a
 * {@code SaveIntoDataSourceCommand} that calls {@code CreatableRelationProvider.createRelation} with
 * the save mode. {@link SearchbridgeProvider}'s table therefore has no {@code BATCH_WRITE}; {@link
 * #save} applies the mode and hands the rows to the unchanged V2 batch write ({@link EsBatchWrite},
 * through {@link EsBatchWriteProvider}) as append or overwrite.
 */
final class SaveModes {

  private static final Logger LOG = LoggerFactory.getLogger(SaveModes.class);

  private SaveModes() {}

  static void save(SaveMode mode, scala.collection.immutable.Map<String, String> parameters, Dataset<Row> data) {
    Map<String, String> options = javaMap(parameters);
    SaveMode writeMode = mode == SaveMode.Overwrite ? SaveMode.Overwrite : SaveMode.Append;
    if ((mode == SaveMode.ErrorIfExists || mode == SaveMode.Ignore) && !createIfMissing(mode, options)) {
      return;
    }
    data.write().format(EsBatchWriteProvider.class.getName()).options(options).mode(writeMode).save();
  }

  /**
   * Creates the index for ErrorIfExists and Ignore, so that two jobs racing for the same new index
   * cannot both write: Elasticsearch lets only one create it. Returns whether to write.
   */
  private static boolean createIfMissing(SaveMode mode, Map<String, String> options) {
    Settings settings = EsTableOptions.of(options).settings();
    String index = EsWrite.requireWriteResource(settings);
    if (!IndexNamePattern.parse(index).isStatic()) {
      throw new InvalidSettingException("es.resource.write", "SaveMode." + mode + " needs one concrete index, but"
          + " es.resource.write is the pattern '" + index + "'; use SaveMode.Append");
    }
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/save-mode " + index)) {
      if (!client.indexExists(index)) {
        try {
          client.createIndex(index, "{}");
          return true;
        } catch (EsRequestException e) {
          if (e.status() != 400 || !client.indexExists(index)) {
            throw e;
          }
          // created by someone else in between: decide on its documents like any existing index
        }
      }
      // As in ES-Hadoop, an index "exists" for these modes when it holds documents: users often
      // create the index with its mapping first and then write with Spark's default mode.
      long documents = client.count(index, QuerySpec.MATCH_ALL, Optional.empty());
      if (documents == 0) {
        return true;
      }
      if (mode == SaveMode.Ignore) {
        LOG.info("index [{}] already holds {} document(s); SaveMode.Ignore writes nothing", index, documents);
        return false;
      }
      throw new SearchbridgeException("index [" + index + "] already exists and holds " + documents + " document(s)"
          + " (SaveMode.ErrorIfExists); use mode \"append\" to add to it, \"overwrite\" to replace its documents or"
          + " \"ignore\" to skip the write");
    }
  }

  /** Spark hands the options lower-cased in a {@link CaseInsensitiveMap}; its original keys are wanted. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> javaMap(scala.collection.immutable.Map<String, String> parameters) {
    scala.collection.Map<String, String> original = parameters instanceof CaseInsensitiveMap<?> caseInsensitive
        ? ((CaseInsensitiveMap<String>) caseInsensitive).originalMap()
        : parameters;
    return new HashMap<>(scala.collection.JavaConverters.mapAsJavaMap(original));
  }
}
