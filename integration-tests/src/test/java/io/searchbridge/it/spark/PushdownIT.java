package io.searchbridge.it.spark;

import static io.searchbridge.it.support.ScanMetrics.scannedRows;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each class of pushed-down query gives the same rows as Spark computing over the same data read
 * without pushdown, while Elasticsearch returns only the matching documents (the scan node's row
 * count is what the connector fetched).
 */
@ExtendWith(ElasticsearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushdownIT {

  private static final int DOCS = 10_000;

  private SparkSession spark;
  private ElasticsearchServer server;
  private String index;

  @BeforeAll
  void load(ElasticsearchServer server) {
    this.server = server;
    this.spark = SharedSpark.session();
    this.index = server.uniqueIndex("pushdown");
    RestCalls rest = new RestCalls(server);
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0},\"mappings\":{\"properties\":{"
        + "\"n\":{\"type\":\"long\"},\"grp\":{\"type\":\"keyword\"},\"name\":{\"type\":\"text\",\"fields\":{\"raw\":"
        + "{\"type\":\"keyword\"}}},\"flag\":{\"type\":\"boolean\"},\"opt\":{\"type\":\"keyword\"}}}}");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      rows.add(org.apache.spark.sql.RowFactory.create((long) i, "g" + (i % 7), "doc " + i, i % 2 == 0,
          i % 10 == 0 ? null : "o" + (i % 3)));
    }
    var schema = new org.apache.spark.sql.types.StructType().add("n", "long").add("grp", "string")
        .add("name", "string").add("flag", "boolean").add("opt", "string");
    spark.createDataFrame(rows, schema).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "n").mode("append").save(index);
  }

  private Dataset<Row> table(boolean pushdown) {
    return spark.read().format("searchbridge").option("es.nodes", server.url()).option("es.pushdown", String.valueOf(pushdown))
        .load(index);
  }

  /** Runs the query with and without pushdown; asserts equal results and returns the documents fetched with pushdown. */
  private long fetchedWithPushdown(UnaryOperator<Dataset<Row>> query) {
    Dataset<Row> pushed = query.apply(table(true));
    List<Row> withPushdown = sorted(pushed.collectAsList());
    List<Row> inSpark = sorted(query.apply(table(false)).collectAsList());
    assertThat(withPushdown).isEqualTo(inSpark);
    return scannedRows(pushed.queryExecution().executedPlan());
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(java.util.Comparator.comparing(Row::toString));
    return copy;
  }


  @Test
  void rangeFilterFetchesOnlyMatchingDocuments() {
    assertThat(fetchedWithPushdown(df -> df.filter(col("n").lt(100)))).isEqualTo(100);
    assertThat(fetchedWithPushdown(df -> df.filter(col("n").geq(9_990).and(col("flag"))))).isEqualTo(5);
  }

  @Test
  void equalityInNullsAndStringFunctions() {
    assertThat(fetchedWithPushdown(df -> df.filter(col("grp").equalTo("g3")))).isEqualTo(1_429);
    assertThat(fetchedWithPushdown(df -> df.filter(col("grp").isin("g1", "g2").and(col("n").lt(70))))).isEqualTo(20);
    assertThat(fetchedWithPushdown(df -> df.filter(col("opt").isNull()))).isEqualTo(1_000);
    assertThat(fetchedWithPushdown(df -> df.filter(col("opt").isNotNull().and(col("n").lt(20))))).isEqualTo(18);
    assertThat(fetchedWithPushdown(df -> df.filter(col("name").equalTo("doc 42")))).isEqualTo(1);
    assertThat(fetchedWithPushdown(df -> df.filter(col("grp").startsWith("g6").and(col("n").lt(50))))).isEqualTo(7);
    assertThat(fetchedWithPushdown(df -> df.filter(col("name").contains("c 99").and(col("n").lt(1000))))).isEqualTo(11);
  }

  @Test
  void notAndOrKeepSqlNullSemantics() {
    // NOT (opt = 'o1') must not return the documents without opt, as SQL does not
    Column notO1 = functionsNot(col("opt").equalTo("o1"));
    assertThat(fetchedWithPushdown(df -> df.filter(notO1.and(col("n").lt(30))))).isEqualTo(18);
    assertThat(fetchedWithPushdown(df -> df.filter(col("n").lt(5).or(col("n").gt(9_995))))).isEqualTo(9);
  }

  private static Column functionsNot(Column column) {
    return org.apache.spark.sql.functions.not(column);
  }

  @Test
  void connectorMetricsReachSparksSqlMetrics() {
    Dataset<Row> filtered = table(true).filter(col("n").lt(250));
    assertThat(filtered.collectAsList()).hasSize(250);
    BatchScanExec scan = scanOf(filtered.queryExecution().executedPlan());
    assertThat(scan.metrics().apply("esDocsRead").value()).isEqualTo(250);
    assertThat(scan.metrics().apply("esSearchRequests").value()).isPositive();
    assertThat(scan.metrics().apply("esBytesRead").value()).isGreaterThan(250 * 20);
  }

  private static BatchScanExec scanOf(SparkPlan plan) {
    for (SparkPlan leaf : scala.collection.JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      if (leaf instanceof BatchScanExec scan) {
        return scan;
      }
    }
    throw new AssertionError("no BatchScanExec in " + plan);
  }

  @Test
  void limitFetchesAtMostOnePage() {
    Dataset<Row> limited = table(true).filter(col("flag")).limit(10);
    assertThat(limited.collectAsList()).hasSize(10);
    assertThat(scannedRows(limited.queryExecution().executedPlan())).isEqualTo(10);
    assertThat(limited.rdd().getNumPartitions()).isEqualTo(1);
  }

  @Test
  void orderByLimitIsASortedSearchOfNDocuments() {
    Dataset<Row> top = table(true).filter(col("grp").equalTo("g0")).orderBy(col("n").desc()).limit(5).select("n");
    List<Row> rows = top.collectAsList();
    assertThat(rows).extracting(r -> r.getLong(0)).containsExactly(9_996L, 9_989L, 9_982L, 9_975L, 9_968L);
    assertThat(scannedRows(top.queryExecution().executedPlan())).isEqualTo(5);
    assertThat(top.queryExecution().executedPlan().toString()).contains("sort=[").contains("limit=5");
  }

  @Test
  void filteredCountIsAnsweredByCount() {
    Dataset<Row> filtered = table(true).filter(col("n").lt(1234));
    assertThat(filtered.count()).isEqualTo(1_234);
    assertThat(filtered.groupBy().count().queryExecution().executedPlan().toString()).contains("pushed COUNT(*) via _count");
  }

  @Test
  void groupByIsAnAggregationThatFetchesNoDocuments() {
    // one row per group reaches Spark: the groups, not the 10,000 documents
    assertThat(fetchedWithPushdown(df -> df.groupBy("grp").agg(count(lit(1)), sum("n"), min("n"), max("n"), avg("n"))))
        .isEqualTo(7);
    // opt is null exactly when n % 10 == 0, always with flag true: 2 x 3 groups with a value, plus (true, null)
    assertThat(fetchedWithPushdown(df -> df.filter(col("n").lt(500)).groupBy("flag", "opt").agg(count("opt"), max("n"))))
        .isEqualTo(7);
    assertThat(fetchedWithPushdown(df -> df.agg(min("n"), max("n"), sum("n")))).isEqualTo(1);
    String plan = table(true).groupBy("grp").count().queryExecution().executedPlan().toString();
    assertThat(plan).contains("pushed aggregation group by [grp]").contains("\"composite\"");
  }

  @Test
  void explainShowsThePushedFilters() {
    String plan = table(true).filter(col("grp").equalTo("g1")).queryExecution().executedPlan().toString();
    // Spark adds the IS NOT NULL that equality implies; both are pushed
    assertThat(plan).contains("grp = 'g1'").contains("{\"term\":{\"grp\":\"g1\"}}");
  }
}
