package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.IndexMappings;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.plan.MissingIndex;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.EsQueryParser;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.spark.schema.EsReadSchema;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read. The driver resolves the mapping and asks the core planner for partitions; each
 * partition becomes one Spark task that streams its documents straight into rows.
 */
final class EsScan implements Scan, Batch {

  private final EsTableOptions options;
  private final StructType tableSchema;
  private final StructType required;
  private EsReadSchema readSchema;
  private QuerySpec query;

  EsScan(EsTableOptions options, StructType tableSchema, StructType required) {
    this.options = options;
    this.tableSchema = tableSchema;
    this.required = required;
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "Elasticsearch [" + options.name() + "] query=" + EsQueryParser.parse(options.settings().get(Keys.QUERY))
        + " columns=" + List.of(required.fieldNames());
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    Settings settings = options.settings();
    String resource = options.requireReadResource();
    try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/plan " + resource)) {
      resolve(client, resource);
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(resource, query);
      plan.pitId().ifPresent(pit -> PointInTimeReleaser.track(settings, pit));
      return plan.partitions().stream().map(EsInputPartition::new).toArray(InputPartition[]::new);
    }
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    if (readSchema == null) {
      try (EsClient client = ElasticsearchJavaClient.open(options.settings(), "searchbridge/plan " + options.name())) {
        resolve(client, options.requireReadResource());
      }
    }
    return new EsReaderFactory(options.settings(), options.requireReadResource(), query, readSchema);
  }

  private ResolvedMapping mapping(EsClient client, String resource) {
    try {
      return IndexMappings.resolve(client, resource);
    } catch (EsRequestException e) {
      if (e.status() != 404) {
        throw e;
      }
      MissingIndex.readAsEmptyOrFail(options.settings(), resource, e);
      return new ResolvedMapping(List.of(), List.of());
    }
  }

  private void resolve(EsClient client, String resource) {
    if (readSchema != null) {
      return;
    }
    Settings settings = options.settings();
    ResolvedMapping mapping = mapping(client, resource);
    EsReadSchema inferred = EsReadSchema.infer(mapping, settings);
    EsReadSchema table = inferred.sparkSchema().equals(tableSchema) ? inferred
        : EsReadSchema.userDefined(tableSchema, mapping, settings);
    readSchema = table.prune(required);
    List<String> includes = readSchema.sourceIncludes();
    // No column needed (e.g. a plain count): ask for no _source at all rather than all of it.
    List<String> excludes = includes.isEmpty() ? List.of("*") : List.of();
    // The metadata column shows _score, which the _shard_doc-sorted pages only carry when asked for.
    boolean scores = settings.get(Keys.READ_METADATA)
        && List.of(required.fieldNames()).contains(settings.get(Keys.READ_METADATA_FIELD));
    query = new QuerySpec(EsQueryParser.parse(settings.get(Keys.QUERY)), includes, excludes, -1, scores);
  }
}
