package io.searchbridge.pushdown;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * A pushed aggregation and how to read its response.
 *
 * <p>Grouped ({@code composite}): one composite aggregation named {@value #COMPOSITE}, paged with
 * {@code after_key}; each bucket is one output row. Not grouped: one {@code filter} aggregation
 * named {@value #ALL} over all hits holding the metrics, read as the single row. In both, a
 * {@code group} column is the bucket key of the same name, a {@code count} column without source
 * field (COUNT(*)) is the bucket's {@code doc_count}, and every other column is the {@code value}
 * of the metric sub-aggregation of that name.
 *
 * @param aggregationsJson the search request's {@code "aggs"} object
 * @param groupColumns the GROUP BY columns, in order
 * @param outputs group columns then aggregates, in Spark's order, with Spark's result types
 */
public record PushedAggregation(
    String aggregationsJson, boolean composite, List<String> groupColumns, List<OutputColumn> outputs) {

  public static final String COMPOSITE = "groups";
  public static final String ALL = "all";

  public PushedAggregation {
    groupColumns = List.copyOf(groupColumns);
    outputs = List.copyOf(outputs);
  }

  /**
   * @param name the composite source or sub-aggregation name to read
   * @param kind what the column holds
   * @param sourceField the field aggregated, null for COUNT(*)
   * @param type the Spark type of the output column
   */
  public record OutputColumn(String name, OutputKind kind, String sourceField, DataType type) {

    /** COUNT(*): the bucket's doc_count, no sub-aggregation. */
    public boolean docCount() {
      return kind == OutputKind.COUNT && sourceField == null;
    }
  }

  /** What an output column holds: a group key or one metric. */
  public enum OutputKind {
    GROUP("group", null),
    COUNT("count", "value_count"),
    SUM("sum", "sum"),
    MIN("min", "min"),
    MAX("max", "max"),
    AVG("avg", "avg");

    private final String aggregationName;
    private final String metricType;

    OutputKind(String aggregationName, String metricType) {
      this.aggregationName = aggregationName;
      this.metricType = metricType;
    }

    /** The prefix of the sub-aggregation's name ({@code sum_3}). */
    public String aggregationName() {
      return aggregationName;
    }

    /** The metric aggregation's type in the DSL; none for a group key. */
    public String metricType() {
      return metricType;
    }
  }
}
