package io.searchbridge.hive;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.IndexMappings;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.EsQueryParser;
import io.searchbridge.core.query.Query;
import io.searchbridge.core.query.QueryCombiner;
import io.searchbridge.core.read.PartitionReads;
import io.searchbridge.mr.HadoopSettings;
import java.util.Optional;
import org.apache.hadoop.hive.ql.exec.SerializationUtilities;
import org.apache.hadoop.hive.ql.plan.TableScanDesc;
import org.apache.hadoop.mapred.JobConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query a Hive scan runs: {@code es.query} and, in {@code bool.filter} with it, the predicate
 * Hive pushed to the table scan ({@link EsStorageHandler#decomposePredicate}), translated with the
 * index mapping at hand.
 */
final class PushedQuery {

  private static final Logger LOG = LoggerFactory.getLogger(PushedQuery.class);

  private PushedQuery() {}

  static String of(JobConf job) {
    Settings settings = HadoopSettings.of(job);
    String user = EsQueryParser.parse(settings.get(Keys.QUERY));
    String serialized = job.get(TableScanDesc.FILTER_EXPR_CONF_STR);
    if (serialized == null || serialized.isEmpty()) {
      return user;
    }
    ResolvedMapping mapping;
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/hive-plan")) {
      mapping = IndexMappings.resolve(client, PartitionReads.resource(settings));
    }
    Optional<Query> pushed = new PredicateTranslator(ColumnMapping.ofJob(job, settings), mapping)
        .translate(SerializationUtilities.deserializeExpression(serialized));
    LOG.info("Hive predicate [{}] pushed to Elasticsearch as {}", job.get(TableScanDesc.FILTER_TEXT_CONF_STR),
        pushed.map(Query::toJson).orElse("nothing"));
    return QueryCombiner.and(user, pushed);
  }
}
