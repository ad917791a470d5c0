package io.searchbridge.pushdown;

import static io.searchbridge.pushdown.Fixtures.MAPPING;
import static io.searchbridge.pushdown.Fixtures.assertJson;
import static io.searchbridge.pushdown.Fixtures.col;
import static io.searchbridge.pushdown.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.pushdown.PushedAggregation.OutputColumn;
import io.searchbridge.pushdown.PushedAggregation.OutputKind;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.GeneralAggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class AggregationTranslatorTest {

  private final AggregationTranslator translator = new AggregationTranslator(MAPPING);

  private Optional<PushedAggregation> translate(AggregateFunc[] functions, Expression... groupBy) {
    return translator.translate(new Aggregation(functions, groupBy));
  }

  private void notPushed(AggregateFunc function, Expression... groupBy) {
    assertThat(translate(new AggregateFunc[] {function}, groupBy)).as(function.toString()).isEmpty();
  }

  @Test
  void groupByWithEveryMetricIsACompositeAggregation() {
    PushedAggregation pushed = translate(new AggregateFunc[] {
        new CountStar(), new Count(col("n"), false), new Min(col("d")), new Max(col("ts")),
        new Sum(col("i"), false), new Avg(col("f"), false)}, col("kw"), col("flag")).orElseThrow();

    assertJson(pushed.aggregationsJson(), """
        {"groups": {
          "composite": {"size": 1000, "sources": [
            {"kw": {"terms": {"field": "kw", "missing_bucket": true}}},
            {"flag": {"terms": {"field": "flag", "missing_bucket": true}}}]},
          "aggs": {
            "count_1": {"value_count": {"field": "n"}},
            "min_2": {"min": {"field": "d"}},
            "max_3": {"max": {"field": "ts"}},
            "sum_4": {"sum": {"field": "i"}},
            "avg_5": {"avg": {"field": "f"}}}}}""");
    assertThat(pushed.composite()).isTrue();
    assertThat(pushed.groupColumns()).containsExactly("kw", "flag");
    assertThat(pushed.outputs()).containsExactly(
        new OutputColumn("kw", OutputKind.GROUP, "kw", DataTypes.StringType),
        new OutputColumn("flag", OutputKind.GROUP, "flag", DataTypes.BooleanType),
        new OutputColumn("count_0", OutputKind.COUNT, null, DataTypes.LongType),
        new OutputColumn("count_1", OutputKind.COUNT, "n", DataTypes.LongType),
        new OutputColumn("min_2", OutputKind.MIN, "d", DataTypes.DoubleType),
        new OutputColumn("max_3", OutputKind.MAX, "ts", DataTypes.TimestampType),
        new OutputColumn("sum_4", OutputKind.SUM, "i", DataTypes.LongType),
        new OutputColumn("avg_5", OutputKind.AVG, "f", DataTypes.DoubleType));
  }

  @Test
  void withoutGroupByMetricsSitInOneFilterAggregationOverAllHits() {
    PushedAggregation pushed =
        translate(new AggregateFunc[] {new CountStar(), new Sum(col("d"), false)}).orElseThrow();
    assertJson(pushed.aggregationsJson(), """
        {"all": {"filter": {"match_all": {}}, "aggs": {"sum_1": {"sum": {"field": "d"}}}}}""");
    assertThat(pushed.composite()).isFalse();
    assertThat(pushed.groupColumns()).isEmpty();
    assertThat(pushed.outputs()).containsExactly(
        new OutputColumn("count_0", OutputKind.COUNT, null, DataTypes.LongType),
        new OutputColumn("sum_1", OutputKind.SUM, "d", DataTypes.DoubleType));
  }

  @Test
  void countStarAloneReadsDocCountOnly() {
    assertJson(translate(new AggregateFunc[] {new CountStar()}).orElseThrow().aggregationsJson(), """
        {"all": {"filter": {"match_all": {}}}}""");
  }

  @Test
  void groupByWithoutAggregatesIsDistinctGroups() {
    PushedAggregation pushed = translate(new AggregateFunc[0], col("n"), col("ts")).orElseThrow();
    assertJson(pushed.aggregationsJson(), """
        {"groups": {"composite": {"size": 1000, "sources": [
          {"n": {"terms": {"field": "n", "missing_bucket": true}}},
          {"ts": {"terms": {"field": "ts", "missing_bucket": true}}}]}}}""");
    assertThat(pushed.outputs()).containsExactly(
        new OutputColumn("n", OutputKind.GROUP, "n", DataTypes.LongType),
        new OutputColumn("ts", OutputKind.GROUP, "ts", DataTypes.TimestampType));
  }

  @Test
  void minAndMaxKeepTheColumnType() {
    PushedAggregation pushed = translate(new AggregateFunc[] {
        new Min(col("i")), new Max(col("f")), new Min(col("ul")), new Max(col("n"))}).orElseThrow();
    assertThat(pushed.outputs()).extracting(OutputColumn::type).containsExactly(
        DataTypes.IntegerType, DataTypes.FloatType, DataTypes.createDecimalType(20, 0), DataTypes.LongType);
  }

  @Test
  void countOfKeywordAndBoolean() {
    PushedAggregation pushed = translate(new AggregateFunc[] {
        new Count(col("kw"), false), new Count(col("flag"), false)}).orElseThrow();
    assertJson(pushed.aggregationsJson(), """
        {"all": {"filter": {"match_all": {}}, "aggs": {
          "count_0": {"value_count": {"field": "kw"}},
          "count_1": {"value_count": {"field": "flag"}}}}}""");
  }

  @Test
  void distinctAggregatesAreNotPushed() {
    notPushed(new Count(col("kw"), true));
    notPushed(new Sum(col("n"), true));
    notPushed(new Avg(col("n"), true));
  }

  @Test
  void unsupportedFunctionsAreNotPushed() {
    notPushed(new GeneralAggregateFunc("STDDEV_POP", false, new Expression[] {col("n")}));
  }

  @Test
  void metricsOnColumnsWithoutExactDocValuesAreNotPushed() {
    notPushed(new Count(col("title"), false));
    notPushed(new Count(col("short_kw"), false));
    notPushed(new Min(col("kw")));
    notPushed(new Max(col("flag")));
    notPushed(new Sum(col("kw"), false));
    notPushed(new Sum(col("ts"), false));
    notPushed(new Sum(col("ul"), false));
    notPushed(new Avg(col("price"), false));
    notPushed(new Min(col("tsn")));
    notPushed(new Max(col("comments.author")));
    notPushed(new Min(col("missing")));
    notPushed(new Sum(str("1"), false));
  }

  @Test
  void groupingOnColumnsWithoutExactDocValuesIsNotPushed() {
    for (String column : new String[] {"title", "body", "lower", "short_kw", "tsn", "addr", "loc", "comments.author", "missing"}) {
      notPushed(new CountStar(), col(column));
    }
  }

  @Test
  void groupingOnAnExpressionIsNotPushed() {
    notPushed(new CountStar(), str("x"));
  }

  @Test
  void oneUnpushableAggregateKeepsTheWholeAggregationInSpark() {
    assertThat(translate(new AggregateFunc[] {new CountStar(), new Sum(col("kw"), false)}, col("n"))).isEmpty();
  }
}
