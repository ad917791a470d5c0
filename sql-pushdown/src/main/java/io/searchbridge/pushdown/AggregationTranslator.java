package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.FieldKind;
import io.searchbridge.core.query.Query;
import io.searchbridge.core.query.QueryableField;
import io.searchbridge.pushdown.PushedAggregation.OutputColumn;
import io.searchbridge.pushdown.PushedAggregation.OutputKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GROUP BY with COUNT/MIN/MAX/SUM/AVG to a composite aggregation, or metrics over all hits. All or
 * nothing: an aggregation is pushed only when every group column and aggregate has an exact
 * counterpart, otherwise Spark aggregates the rows itself.
 */
public final class AggregationTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(AggregationTranslator.class);

  /** Buckets per composite page; the reader pages on with after_key. */
  static final int PAGE_SIZE = 1000;

  private final ResolvedMapping mapping;

  public AggregationTranslator(ResolvedMapping mapping) {
    this.mapping = mapping;
  }

  public Optional<PushedAggregation> translate(Aggregation aggregation) {
    List<String> groupColumns = new ArrayList<>();
    List<OutputColumn> outputs = new ArrayList<>();
    ArrayNode sources = Json.MAPPER.createArrayNode();
    for (Expression group : aggregation.groupByExpressions()) {
      Optional<QueryableField> column = Columns.resolve(mapping, group).filter(AggregationTranslator::groupable);
      if (column.isEmpty()) {
        return refuse("group " + group);
      }
      String path = column.get().field().path();
      groupColumns.add(path);
      outputs.add(new OutputColumn(path, OutputKind.GROUP, path, sparkType(column.get().field().type())));
      sources.add(source(path));
    }
    ObjectNode metrics = Json.MAPPER.createObjectNode();
    AggregateFunc[] functions = aggregation.aggregateExpressions();
    for (int i = 0; i < functions.length; i++) {
      Optional<OutputColumn> output = metric(functions[i], i);
      if (output.isEmpty()) {
        return refuse("aggregate " + functions[i]);
      }
      outputs.add(output.get());
      if (output.get().sourceField() != null) {
        metrics.set(output.get().name(), metricAgg(output.get()));
      }
    }
    boolean composite = !groupColumns.isEmpty();
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (composite) {
      body.putObject("composite").put("size", PAGE_SIZE).set("sources", sources);
    } else {
      body.set("filter", Query.matchAll().toDsl());
    }
    if (!metrics.isEmpty()) {
      body.set("aggs", metrics);
    }
    ObjectNode aggs = Json.MAPPER.createObjectNode();
    aggs.set(composite ? PushedAggregation.COMPOSITE : PushedAggregation.ALL, body);
    return Optional.of(new PushedAggregation(aggs.toString(), composite, groupColumns, outputs));
  }

  private static Optional<PushedAggregation> refuse(String what) {
    LOG.debug("Aggregation not pushed: {} has no exact Elasticsearch counterpart", what);
    return Optional.empty();
  }

  /** missing_bucket keeps documents without the field as a NULL group, as SQL's GROUP BY does. */
  private static ObjectNode source(String path) {
    ObjectNode terms = Json.MAPPER.createObjectNode();
    terms.putObject("terms").put("field", path).put("missing_bucket", true);
    return (ObjectNode) Json.MAPPER.createObjectNode().set(path, terms);
  }

  /**
   * date_nanos keys come back as milliseconds, so grouping on them would merge distinct values.
   */
  private static boolean groupable(QueryableField column) {
    return column.columnar() && column.field().type() != FieldType.DATE_NANOS;
  }

  /** The output column of one aggregate function, named by its position; empty if not pushable. */
  private Optional<OutputColumn> metric(AggregateFunc function, int index) {
    if (function instanceof CountStar) {
      return Optional.of(new OutputColumn(OutputKind.COUNT.aggregationName() + "_" + index, OutputKind.COUNT, null, DataTypes.LongType));
    }
    if (function instanceof Count count && !count.isDistinct()) {
      return column(count.column(), AggregationTranslator::groupable)
          .map(c -> output(OutputKind.COUNT, index, c, DataTypes.LongType));
    }
    if (function instanceof Min min) {
      return ordered(min.column()).map(c -> output(OutputKind.MIN, index, c, sparkType(c.field().type())));
    }
    if (function instanceof Max max) {
      return ordered(max.column()).map(c -> output(OutputKind.MAX, index, c, sparkType(c.field().type())));
    }
    if (function instanceof Sum sum && !sum.isDistinct()) {
      return summable(sum.column()).map(c -> output(OutputKind.SUM, index, c, sumType(c.field().type())));
    }
    if (function instanceof Avg avg && !avg.isDistinct()) {
      return summable(avg.column()).map(c -> output(OutputKind.AVG, index, c, DataTypes.DoubleType));
    }
    return Optional.empty();
  }

  private static OutputColumn output(OutputKind kind, int index, QueryableField column, DataType type) {
    return new OutputColumn(kind.aggregationName() + "_" + index, kind, column.field().path(), type);
  }

  /** Elasticsearch's min and max read numbers and dates, never strings or booleans. */
  private Optional<QueryableField> ordered(Expression expression) {
    return column(expression, c -> groupable(c) && c.kind() != FieldKind.KEYWORD && c.kind() != FieldKind.BOOLEAN);
  }

  /** unsigned_long sums are decimals in Spark but doubles in Elasticsearch: not exact. */
  private Optional<QueryableField> summable(Expression expression) {
    return column(expression, c -> groupable(c) && c.kind() == FieldKind.NUMBER
        && c.field().type() != FieldType.UNSIGNED_LONG);
  }

  private Optional<QueryableField> column(Expression expression, Predicate<QueryableField> allowed) {
    return Columns.resolve(mapping, expression).filter(allowed);
  }

  private static ObjectNode metricAgg(OutputColumn output) {
    ObjectNode agg = Json.MAPPER.createObjectNode();
    agg.putObject(output.kind().metricType()).put("field", output.sourceField());
    return agg;
  }

  /** Spark's SUM widens integers to long and floats to double. */
  private static DataType sumType(FieldType type) {
    return switch (type) {
      case DOUBLE, FLOAT -> DataTypes.DoubleType;
      default -> DataTypes.LongType;
    };
  }

  /**
   * The Spark type of a groupable field, as the connector's schema inference reads it (dates as
   * timestamps).
   */
  static DataType sparkType(FieldType type) {
    return switch (type) {
      case LONG -> DataTypes.LongType;
      case INTEGER -> DataTypes.IntegerType;
      case SHORT -> DataTypes.ShortType;
      case BYTE -> DataTypes.ByteType;
      case DOUBLE -> DataTypes.DoubleType;
      case FLOAT -> DataTypes.FloatType;
      case UNSIGNED_LONG -> DataTypes.createDecimalType(20, 0);
      case DATE, DATE_NANOS -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
      default -> DataTypes.StringType;
    };
  }
}
