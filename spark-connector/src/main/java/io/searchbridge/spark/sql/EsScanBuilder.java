package io.searchbridge.spark.sql;

import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Collects what Spark pushes into the scan: the columns it needs and a whole-table {@code
 * COUNT(*)}, which Elasticsearch answers from {@code _count} without returning documents.
 */
final class EsScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownAggregates {

  private final EsTableOptions options;
  private final StructType tableSchema;
  private StructType required;
  private boolean countOnly;

  EsScanBuilder(EsTableOptions options, StructType tableSchema) {
    this.options = options;
    this.tableSchema = tableSchema;
    this.required = tableSchema;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    AggregateFunc[] functions = aggregation.aggregateExpressions();
    countOnly = aggregation.groupByExpressions().length == 0 && functions.length == 1 && functions[0] instanceof CountStar;
    return countOnly;
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return aggregation.groupByExpressions().length == 0 && aggregation.aggregateExpressions().length == 1
        && aggregation.aggregateExpressions()[0] instanceof CountStar;
  }

  @Override
  public Scan build() {
    return countOnly ? new CountScan(options) : new EsScan(options, tableSchema, required);
  }
}
