package io.searchbridge.it.spark;

import static io.searchbridge.it.support.ScanMetrics.scannedRows;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edges where the index and Spark disagree about values: signed zeros, timestamps at full
 * precision on date, date_nanos and custom-format fields, and empty arrays and objects. Each filter
 * gives the rows Spark computes over the same documents read without pushdown; where the filter is
 * pushed exactly, Elasticsearch returns only those rows.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushdownExactnessIT {

  private static final Instant EPOCH = Instant.EPOCH;
  private static final Instant ONE_MILLI = Instant.ofEpochMilli(1);

  private SparkSession spark;
  private ElasticsearchServer server;
  private String index;

  @BeforeAll
  void load(ElasticsearchServer server) {
    this.server = server;
    this.spark = SharedSpark.session();
    this.index = server.uniqueIndex("exactness");
    RestCalls rest = new RestCalls(server);
    rest.put("/" + index, """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0}, "mappings": {"properties": {
          "id": {"type": "long"}, "d": {"type": "double"}, "f": {"type": "float"},
          "ts": {"type": "date"}, "tsn": {"type": "date_nanos"},
          "tsc": {"type": "date", "format": "yyyy/MM/dd HH:mm:ss.SSS||epoch_millis"},
          "tags": {"type": "keyword"}, "obj": {"properties": {"name": {"type": "keyword"}}}}}}""");
    List<String> docs = List.of(
        """
        {"id": 1, "d": 0.0, "f": 0.0, "ts": "1970-01-01T00:00:00Z", "tsn": "1970-01-01T00:00:00Z",
         "tsc": "1970/01/01 00:00:00.000", "tags": ["a"], "obj": {"name": "x"}}""",
        """
        {"id": 2, "d": -0.0, "f": -0.0, "ts": "1970-01-01T00:00:00.001Z", "tsn": "1970-01-01T00:00:00.000001Z",
         "tsc": "1970/01/01 00:00:00.001", "tags": [], "obj": {}}""",
        """
        {"id": 3, "d": 1.5, "f": -1.5, "ts": "1970-01-01T00:00:00.999Z", "tsn": "1970-01-01T00:00:00.999999Z",
         "tsc": "1970/01/01 00:00:00.999"}""",
        """
        {"id": 4, "d": -2.0, "f": 2.0, "ts": -1, "tsc": -1,
         "tags": null, "obj": null}""");
    for (int i = 0; i < docs.size(); i++) {
      rest.put("/" + index + "/_doc/" + (i + 1) + "?refresh=true", docs.get(i));
    }
  }

  private Dataset<Row> table(boolean pushdown) {
    return spark.read().format("searchbridge").option("es.nodes", server.url())
        .option("es.pushdown", String.valueOf(pushdown)).option("es.read.field.as.array.include", "tags")
        .load(index);
  }

  /** Asserts the rows equal Spark's own answer; returns the ids and checks what Elasticsearch sent. */
  private List<Long> ids(Column filter, boolean exact) {
    Dataset<Row> pushed = table(true).filter(filter).select("id");
    List<Long> withPushdown = sortedIds(pushed.collectAsList());
    List<Long> inSpark = sortedIds(table(false).filter(filter).select("id").collectAsList());
    assertThat(withPushdown).as(filter.toString()).isEqualTo(inSpark);
    if (exact) {
      assertThat(scannedRows(pushed.queryExecution().executedPlan())).as("fetched for " + filter)
          .isEqualTo(withPushdown.size());
    }
    return withPushdown;
  }

  private static List<Long> sortedIds(List<Row> rows) {
    List<Long> ids = new ArrayList<>(rows.stream().map(r -> r.getLong(0)).toList());
    ids.sort(Comparator.naturalOrder());
    return ids;
  }


  @Test
  void signedZerosAreEqualAsInSpark() {
    assertThat(ids(col("d").equalTo(0.0), true)).containsExactly(1L, 2L);
    assertThat(ids(col("d").equalTo(-0.0), true)).containsExactly(1L, 2L);
    assertThat(ids(col("d").isin(0.0, 1.5), true)).containsExactly(1L, 2L, 3L);
    assertThat(ids(col("d").lt(0.0), true)).containsExactly(4L);
    assertThat(ids(col("d").geq(0.0), true)).containsExactly(1L, 2L, 3L);
    assertThat(ids(col("d").gt(-0.0), true)).containsExactly(3L);
    assertThat(ids(col("d").leq(-0.0), true)).containsExactly(1L, 2L, 4L);
    assertThat(ids(col("f").equalTo(lit(0.0f)), true)).containsExactly(1L, 2L);
    assertThat(ids(col("f").lt(lit(0.0f)), true)).containsExactly(3L);
  }

  @Test
  void timestampBoundsAreNotRoundedOnDateDateNanosAndCustomFormats() {
    for (String field : List.of("ts", "tsn", "tsc")) {
      assertThat(ids(col(field).equalTo(lit(EPOCH)), true)).as(field).containsExactly(1L);
      // date_nanos cannot hold times before 1970: document 4 has no tsn.
      assertThat(ids(col(field).leq(lit(EPOCH)), true)).as(field)
          .containsExactlyElementsOf(field.equals("tsn") ? List.of(1L) : List.of(1L, 4L));
      assertThat(ids(col(field).gt(lit(EPOCH)), true)).as(field).containsExactly(2L, 3L);
      assertThat(ids(col(field).isin(lit(EPOCH), lit(ONE_MILLI)), true)).as(field)
          .containsExactlyElementsOf(field.equals("tsn") ? List.of(1L) : List.of(1L, 2L));
    }
  }

  @Test
  void emptyArraysAndObjectsAreNotNullForSpark() {
    assertThat(ids(col("tags").isNull(), false)).containsExactly(3L, 4L);
    assertThat(ids(col("tags").isNotNull(), false)).containsExactly(1L, 2L);
    // The connector reads {} as a NULL struct, as Elasticsearch sees it.
    assertThat(ids(col("obj").isNull(), false)).containsExactly(2L, 3L, 4L);
    assertThat(ids(col("obj.name").isNull(), true)).containsExactly(2L, 3L, 4L);
  }
}
