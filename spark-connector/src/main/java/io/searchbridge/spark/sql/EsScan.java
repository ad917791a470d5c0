package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.spark.schema.EsReadSchema;
import java.util.List;
import java.util.Set;
import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read. The driver asks the core planner for partitions; each partition becomes one
 * Spark task that streams its documents straight into rows.
 */
final class EsScan implements Scan, Batch {

  /** What the scan builder pushed: the final query, a per-partition limit (or -1) and a sort (or ""). */
  record Pushed(String queryJson, long limit, String sortJson, String filters) {}

  private final EsTableOptions options;
  private final Settings settings;
  private final StructType required;
  private final EsReadSchema readSchema;
  private final QuerySpec query;
  private final String filters;

  EsScan(EsTableOptions options, ReadSchemas schemas, StructType tableSchema, StructType required, Pushed pushed) {
    this.options = options;
    this.settings = schemas.settings();
    this.required = required;
    EsReadSchema inferred = schemas.inferred();
    EsReadSchema table = inferred.sparkSchema().equals(tableSchema) ? inferred
        : EsReadSchema.userDefined(tableSchema, schemas.mapping(), settings);
    this.readSchema = table.prune(required);
    List<String> needed = readSchema.sourceIncludes();
    // No column needed (e.g. counting rows): ask for no _source at all rather than all of it.
    List<String> excludes = needed.isEmpty() ? List.of("*") : List.of();
    List<String> includes = readsEveryField(table == inferred, needed, inferred) ? List.of() : needed;
    // The metadata column shows _score, which sorted pages only carry when asked for.
    boolean scores = settings.get(Keys.READ_METADATA)
        && List.of(required.fieldNames()).contains(settings.get(Keys.READ_METADATA_FIELD));
    this.query = new QuerySpec(pushed.queryJson(), includes, excludes, pushed.limit(), pushed.sortJson(), scores);
    this.filters = pushed.filters();
  }

  /**
   * Filtering {@code _source} costs Elasticsearch about as much CPU as the search itself (it parses
   * and rebuilds every document), so a scan that reads every mapped field takes the whole {@code
   * _source}; what the mapping does not know is skipped by the decoder. Not so when {@code
   * es.read.field.*} left fields out on purpose, often because they are large.
   */
  private boolean readsEveryField(boolean inferredTable, List<String> needed, EsReadSchema inferred) {
    return inferredTable && !needed.isEmpty() && settings.get(Keys.READ_FIELD_INCLUDE).isEmpty()
        && settings.get(Keys.READ_FIELD_EXCLUDE).isEmpty()
        && Set.copyOf(needed).equals(Set.copyOf(inferred.sourceIncludes()));
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  /** Shown by {@code explain()}: everything Elasticsearch is asked to do for this scan. */
  @Override
  public String description() {
    return "Elasticsearch [" + options.name() + "] query=" + query.queryJson() + " pushedFilters=" + filters
        + " columns=" + List.of(required.fieldNames()) + " _source="
        + (!query.includes().isEmpty() ? query.includes() : query.excludes().isEmpty() ? "all" : "none")
        + (query.hasLimit() ? " limit=" + query.limit() : "") + (query.isSorted() ? " sort=" + query.sortJson() : "");
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorSqlMetrics.read();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    String resource = options.requireReadResource();
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/plan " + resource)) {
      ReadPlan plan = new PartitionPlanner(client, settings).plan(resource, query);
      plan.pitId().ifPresent(pit -> PointInTimeReleaser.track(settings, pit));
      return plan.partitions().stream().map(EsInputPartition::new).toArray(InputPartition[]::new);
    }
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new EsReaderFactory(settings, options.requireReadResource(), query, readSchema, ParseMode.of(settings, required));
  }
}
