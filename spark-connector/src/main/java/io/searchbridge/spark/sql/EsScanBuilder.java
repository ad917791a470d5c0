package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.query.EsQueryParser;
import io.searchbridge.core.query.QueryCombiner;
import io.searchbridge.pushdown.AggregationTranslator;
import io.searchbridge.pushdown.FilterTranslator;
import io.searchbridge.pushdown.PushedAggregation;
import io.searchbridge.pushdown.PushedFilters;
import io.searchbridge.pushdown.PushedSort;
import io.searchbridge.pushdown.SortTranslator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownTopN;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects what Spark pushes into the scan: filters (translated by sql-pushdown against the
 * mapping, exact ones answered by Elasticsearch alone), the columns needed, {@code COUNT(*)} (by
 * {@code _count}), GROUP BY with COUNT/SUM/MIN/MAX/AVG (by a composite aggregation), LIMIT and
 * ORDER BY ... LIMIT. Spark still applies the limit and the sort on top, which
 * costs nothing on at most {@code n} rows and keeps its own null ordering.
 */
final class EsScanBuilder implements ScanBuilder, SupportsPushDownV2Filters, SupportsPushDownRequiredColumns,
    SupportsPushDownAggregates, SupportsPushDownLimit, SupportsPushDownTopN {

  private static final Logger LOG = LoggerFactory.getLogger(EsScanBuilder.class);

  private final EsTableOptions options;
  private final StructType tableSchema;
  private ReadSchemas schemas;
  private StructType required;
  private PushedFilters filters = new PushedFilters(Optional.empty(), List.of(), List.of());
  private boolean countOnly;
  private Optional<PushedAggregation> aggregation = Optional.empty();
  private long limit = -1;
  private String sortJson = "";

  EsScanBuilder(EsTableOptions options, StructType tableSchema) {
    this.options = options;
    this.tableSchema = tableSchema;
    this.required = tableSchema;
  }

  /** The mapping, fetched once per scan for both the translators and the scan. */
  private ReadSchemas schemas() {
    if (schemas == null) {
      String resource = options.requireReadResource();
      try (EsClient client = ElasticsearchJavaClient.open(options.settings(), "searchbridge/plan " + resource)) {
        schemas = ReadSchemas.resolve(client, options.settings(), resource);
      }
    }
    return schemas;
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    Settings settings = options.settings();
    // Spark calls this also without predicates (e.g. for count()): no filter needs no mapping request.
    if (!settings.get(Keys.PUSHDOWN) || predicates.length == 0) {
      return predicates;
    }
    filters = new FilterTranslator(schemas().withArrays(), settings.get(Keys.PUSHDOWN_STRICT)).translate(predicates);
    if (!filters.postScan().isEmpty()) {
      LOG.debug("[{}] left to Spark after the scan: {}", options.name(), filters.postScan());
    }
    return filters.postScan().toArray(Predicate[]::new);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return filters.pushed().toArray(Predicate[]::new);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  /** Called before {@link #pushAggregation}: answered exactly when Elasticsearch computes the whole result. */
  @Override
  public boolean supportCompletePushDown(Aggregation pushed) {
    return isCountStar(pushed) || translate(pushed).isPresent();
  }

  @Override
  public boolean pushAggregation(Aggregation pushed) {
    if (!options.settings().get(Keys.PUSHDOWN)) {
      return false;
    }
    countOnly = isCountStar(pushed);
    aggregation = countOnly ? Optional.empty() : translate(pushed);
    return countOnly || aggregation.isPresent();
  }

  private Optional<PushedAggregation> translate(Aggregation pushed) {
    Optional<PushedAggregation> translated = new AggregationTranslator(schemas().withArrays()).translate(pushed);
    if (translated.isEmpty()) {
      LOG.debug("[{}] aggregation left to Spark: {} group by {}", options.name(),
          java.util.Arrays.toString(pushed.aggregateExpressions()), java.util.Arrays.toString(pushed.groupByExpressions()));
    }
    return translated;
  }

  private static boolean isCountStar(Aggregation aggregation) {
    AggregateFunc[] functions = aggregation.aggregateExpressions();
    return aggregation.groupByExpressions().length == 0 && functions.length == 1 && functions[0] instanceof CountStar;
  }

  @Override
  public boolean pushLimit(int pushed) {
    if (!options.settings().get(Keys.PUSHDOWN)) {
      return false;
    }
    limit = pushed;
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int pushed) {
    if (!options.settings().get(Keys.PUSHDOWN)) {
      return false;
    }
    Optional<PushedSort> sort = new SortTranslator(schemas().withArrays()).translate(orders);
    sort.ifPresent(s -> {
      sortJson = s.sortJson();
      limit = pushed;
    });
    return sort.isPresent();
  }

  /** Spark keeps its own LIMIT and sort above the scan: each partition honours the limit, not the whole read. */
  @Override
  public boolean isPartiallyPushed() {
    return true;
  }

  @Override
  public Scan build() {
    String query = QueryCombiner.and(EsQueryParser.parse(options.settings().get(Keys.QUERY)), filters.query());
    if (countOnly) {
      return new CountScan(options, query);
    }
    if (aggregation.isPresent()) {
      return new AggregationScan(options, query, aggregation.get());
    }
    return new EsScan(options, schemas(), tableSchema, required, new EsScan.Pushed(query, limit, sortJson,
        filters.pushed().toString()));
  }
}
