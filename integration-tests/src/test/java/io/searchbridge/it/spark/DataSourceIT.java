package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.it.support.SparkIntegrationTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** DataFrames written and read through {@code format("searchbridge")} against the real server. */
class DataSourceIT extends SparkIntegrationTest {

  private static final StructType PERSON = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("name", DataTypes.StringType)
      .add("visits", DataTypes.LongType)
      .add("score", DataTypes.DoubleType)
      .add("active", DataTypes.BooleanType)
      .add("seen", DataTypes.TimestampType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType))
      .add("address", new StructType().add("city", DataTypes.StringType).add("zip", DataTypes.IntegerType))
      .add("pets", DataTypes.createArrayType(new StructType().add("kind", DataTypes.StringType).add("age", DataTypes.IntegerType)));

  private static final String PERSON_MAPPING = "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},"
      + "\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},\"name\":{\"type\":\"keyword\"},"
      + "\"visits\":{\"type\":\"long\"},\"score\":{\"type\":\"double\"},\"active\":{\"type\":\"boolean\"},"
      + "\"seen\":{\"type\":\"date\"},\"tags\":{\"type\":\"keyword\"},"
      + "\"address\":{\"properties\":{\"city\":{\"type\":\"keyword\"},\"zip\":{\"type\":\"integer\"}}},"
      + "\"pets\":{\"type\":\"nested\",\"properties\":{\"kind\":{\"type\":\"keyword\"},\"age\":{\"type\":\"integer\"}}}}}}";

  private static List<Row> people(int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(RowFactory.create("p" + i, i % 7 == 0 ? null : "Zoë " + i + " 名前", (long) i * 1000, i / 4.0, i % 2 == 0,
          new Timestamp(1_700_000_000_000L + i * 1000L), List.of("t" + (i % 3), "all"),
          RowFactory.create("City " + (i % 5), 1000 + i), List.of(RowFactory.create("cat", i % 20), RowFactory.create("dog", 3))));
    }
    return rows;
  }

  private Dataset<Row> read(String index, String... options) {
    var reader = spark.read().format("searchbridge").option("es.nodes", server.url())
        .option("es.read.field.as.array.include", "tags");
    for (int i = 0; i < options.length; i += 2) {
      reader = reader.option(options[i], options[i + 1]);
    }
    return reader.load(index);
  }

  private void write(List<Row> rows, String index, String mode, String... options) {
    var writer = spark.createDataFrame(rows, PERSON).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").mode(mode);
    for (int i = 0; i < options.length; i += 2) {
      writer = writer.option(options[i], options[i + 1]);
    }
    writer.save(index);
  }

  @Test
  void roundTripKeepsEveryValueAndType() {
    String index = server.uniqueIndex("people");
    rest.put("/" + index, PERSON_MAPPING);
    List<Row> rows = people(300);
    write(rows, index, "append");

    assertThat(rest.count(index)).isEqualTo(300);
    // Inferred from the mapping, whose properties Elasticsearch lists by name.
    StructType inferred = read(index).schema();
    assertThat(inferred.apply("pets").dataType()).isEqualTo(DataTypes.createArrayType(
        new StructType().add("age", DataTypes.IntegerType).add("kind", DataTypes.StringType)));
    assertThat(inferred.apply("seen").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(inferred.apply("tags").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
    assertThat(inferred.apply("visits").dataType()).isEqualTo(DataTypes.LongType);
    // A user-given schema fixes the column order, so rows compare as written.
    Dataset<Row> back = spark.read().format("searchbridge").schema(PERSON).option("es.nodes", server.url()).load(index);
    List<Row> sorted = back.orderBy("visits").collectAsList();
    // collected through Spark too, so that arrays have the same representation on both sides
    List<Row> expected = spark.createDataFrame(rows, PERSON).orderBy("visits").collectAsList();
    assertThat(sorted).hasSize(300);
    for (int i = 0; i < 300; i++) {
      assertThat(sorted.get(i)).as("row %d", i).isEqualTo(expected.get(i));
    }
  }

  @Test
  void partitionsFollowShardsAndPrunedColumnsAreTheOnlyOnesRequested() {
    String index = server.uniqueIndex("parts");
    rest.put("/" + index, PERSON_MAPPING);
    write(people(900), index, "append");

    assertThat(read(index).rdd().getNumPartitions()).isEqualTo(3);
    long largestShard = 0;
    for (int shard = 0; shard < 3; shard++) {
      largestShard = Math.max(largestShard, rest.get("/" + index + "/_count?preference=_shards:" + shard).path("count").asLong());
    }
    // every shard is cut into as many slices as the largest one needs, rounded up
    long expected = 3 * ((largestShard + 99) / 100);
    assertThat(read(index, "es.input.max.docs.per.partition", "100").rdd().getNumPartitions()).isEqualTo((int) expected);
    Dataset<Row> names = read(index).select("name");
    assertThat(names.queryExecution().executedPlan().toString()).contains("columns=[name]");
    assertThat(names.collectAsList()).hasSize(900);
  }

  @Test
  void pointInTimeIsReleasedWhenTheQueryEnds() throws InterruptedException {
    String index = server.uniqueIndex("released");
    rest.put("/" + index, PERSON_MAPPING);
    write(people(30), index, "append");
    assertThat(read(index).select("id").collectAsList()).hasSize(30);
    // the listener hears of the query's end asynchronously
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (rest.openSearchContexts(index) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(rest.openSearchContexts(index)).isZero();
  }

  @Test
  void countUsesCountApiAndHonoursEsQuery() {
    String index = server.uniqueIndex("counted");
    rest.put("/" + index, PERSON_MAPPING);
    write(people(500), index, "append");

    Dataset<Row> all = read(index);
    assertThat(all.count()).isEqualTo(500);
    assertThat(all.groupBy().count().queryExecution().executedPlan().toString()).contains("pushed COUNT(*) via _count");
    assertThat(read(index, "es.query", "?q=active:true").count()).isEqualTo(250);
    assertThat(read(index, "es.query", "{\"range\":{\"visits\":{\"lt\":10000}}}").collectAsList()).hasSize(10);
  }

  @Test
  void overwriteReplacesTheDocumentsAndKeepsTheMapping() {
    String index = server.uniqueIndex("overwritten");
    rest.put("/" + index, PERSON_MAPPING);
    write(people(50), index, "append");
    write(people(20), index, "overwrite");

    assertThat(rest.count(index)).isEqualTo(20);
    assertThat(rest.get("/" + index + "/_mapping").path(index).path("mappings").path("properties").path("pets")
        .path("type").asText()).isEqualTo("nested");
    assertThat(rest.get("/" + index + "/_settings").path(index).path("settings").path("index")
        .path("number_of_shards").asText()).isEqualTo("3");
  }

  @Test
  void writeMetricsCountTheDocumentsWritten() throws InterruptedException {
    Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();
    QueryExecutionListener listener = new QueryExecutionListener() {
      @Override
      public void onSuccess(String action, QueryExecution execution, long durationNs) {
        scala.collection.Iterator<scala.Tuple2<String, SQLMetric>> metrics = execution.executedPlan().metrics().iterator();
        while (metrics.hasNext()) {
          scala.Tuple2<String, SQLMetric> metric = metrics.next();
          if (metric._1().startsWith("es")) {
            written.merge(metric._1(), metric._2().value(), Long::sum);
          }
        }
      }

      @Override
      public void onFailure(String action, QueryExecution execution, Exception error) {}
    };
    spark.listenerManager().register(listener);
    try {
      write(people(300), server.uniqueIndex("metered"), "append", "es.batch.size.entries", "100");
      // listeners hear of the write asynchronously
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!written.containsKey("esDocsWritten") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      spark.listenerManager().unregister(listener);
    }
    assertThat(written).containsEntry("esDocsWritten", 300L).containsEntry("esDocsFailed", 0L);
    assertThat(written.get("esBulkRequests")).isPositive();
  }

  @Test
  void rewritingWithIdsDoesNotDuplicate() {
    String index = server.uniqueIndex("idempotent");
    write(people(40), index, "append");
    write(people(40), index, "append");
    assertThat(rest.count(index)).isEqualTo(40);
  }

  @Test
  void badDocumentFailsTheJobNamingDocumentAndField() {
    String index = server.uniqueIndex("strict");
    rest.put("/" + index, "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}");
    assertThatThrownBy(() -> write(people(1), index, "append"))
        .hasStackTraceContaining("document [p0]")
        .hasStackTraceContaining("strict_dynamic_mapping_exception");
  }

  @Test
  void settingsComeFromSparkConfToo() {
    String index = server.uniqueIndex("conf");
    write(people(10), index, "append");
    spark.conf().set("spark.es.nodes", server.url());
    try {
      assertThat(spark.read().format("searchbridge").load(index).count()).isEqualTo(10);
    } finally {
      spark.conf().unset("spark.es.nodes");
    }
  }

  @Test
  void arrayFieldsAreFoundBySampling() {
    String index = server.uniqueIndex("sampled");
    rest.put("/" + index + "/_doc/1?refresh=true", "{\"name\":\"a\",\"tags\":[\"x\",\"y\"],\"grid\":[[1,2],[3]],"
        + "\"owner\":{\"phones\":[\"1\",\"2\"]}}");
    rest.put("/" + index + "/_doc/2?refresh=true", "{\"name\":\"b\",\"tags\":\"z\",\"owner\":{\"phones\":\"3\"}}");
    var plain = spark.read().format("searchbridge").option("es.nodes", server.url()).load(index);
    assertThatThrownBy(() -> plain.collectAsList()).hasStackTraceContaining("es.read.field.as.array.include");

    Dataset<Row> sampled = spark.read().format("searchbridge").option("es.nodes", server.url())
        .option("es.read.field.as.array.sample", "10").load(index);
    assertThat(sampled.schema().apply("tags").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
    assertThat(sampled.schema().apply("grid").dataType())
        .isEqualTo(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.LongType)));
    assertThat(sampled.schema().apply("name").dataType()).isEqualTo(DataTypes.StringType);
    List<Row> rows = sampled.select("name", "tags", "owner.phones").orderBy("name").collectAsList();
    assertThat(rows.get(0).getList(1)).containsExactly("x", "y");
    assertThat(rows.get(1).getList(1)).containsExactly("z");
    assertThat(rows.get(1).getList(2)).containsExactly("3");
  }

  @Test
  void missingIndexNamesTheSetting() {
    assertThatThrownBy(() -> read(server.uniqueIndex("absent")).collectAsList())
        .hasStackTraceContaining("es.index.read.missing.as.empty");
    assertThat(read(server.uniqueIndex("absent"), "es.index.read.missing.as.empty", "true").collectAsList()).isEmpty();
  }
}
