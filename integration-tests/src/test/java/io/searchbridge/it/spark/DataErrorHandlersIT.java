package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.it.support.SparkIntegrationTest;
import io.searchbridge.spark.rdd.JavaSearchbridgeSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** es.write.data.error.handlers, es.read.data.error.handlers and the parse modes through Spark. */
class DataErrorHandlersIT extends SparkIntegrationTest {

  private static final StructType PERSON = new StructType()
      .add("name", DataTypes.StringType)
      .add("age", DataTypes.IntegerType);

  @Test
  void malformedJsonInSaveJsonToEsGoesToTheDeadLetterIndex() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String index = server.uniqueIndex("json-src");
    String deadLetters = server.uniqueIndex("json-dlq");
    JavaSearchbridgeSpark.saveJsonToEs(jsc.parallelize(List.of("{\"a\":1}", "{\"a\":", "{\"a\":3}"), 1), index,
        Map.of("es.nodes", server.url(), "es.write.data.error.handlers", "es",
            "es.write.data.error.handler.es.client.resource", deadLetters));
    assertThat(rest.count(index)).isEqualTo(2);
    JsonNode entry = onlyDeadLetter(deadLetters);
    assertThat(entry.path("stage").asText()).isEqualTo("encoding");
    assertThat(entry.path("document").asText()).isEqualTo("{\"a\":");
    assertThat(entry.path("position").asLong()).isEqualTo(2);
    assertThat(entry.path("task").asText()).startsWith("partition 0 (task ");
    assertThat(entry.path("error").path("reason").asText()).contains("document #2 given to saveJsonToEs is not valid JSON");
  }

  @Test
  void rowsThatCannotBeEncodedAreDroppedWhenAskedTo() {
    String index = server.uniqueIndex("nan");
    StructType schema = new StructType().add("id", DataTypes.StringType).add("score", DataTypes.DoubleType);
    List<Row> rows = List.of(RowFactory.create("a", 1.5), RowFactory.create("b", Double.NaN), RowFactory.create("c", 2.5));
    spark.createDataFrame(rows, schema).write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").option("es.write.data.error.handlers", "drop").mode("append").save(index);
    assertThat(rest.count(index)).isEqualTo(2);
    assertThat(rest.get("/" + index + "/_doc/a").path("found").asBoolean()).isTrue();
    assertThat(rest.get("/" + index + "/_doc/c").path("found").asBoolean()).isTrue();
  }

  @Test
  void parseModesDecideWhatBecomesOfAHitThatDoesNotFitTheSchema() {
    String index = hitsWithOneMisfit();
    assertThatThrownBy(() -> read(index, PERSON, "mode", "FAILFAST").collectAsList())
        .hasStackTraceContaining("document [bad]").hasStackTraceContaining("field [age]");

    assertThat(read(index, PERSON, "mode", "DROPMALFORMED").collectAsList())
        .extracting(row -> row.getString(0)).containsExactlyInAnyOrder("ann", "bob");

    StructType withCorrupt = PERSON.add("_corrupt_record", DataTypes.StringType);
    List<Row> permissive = read(index, withCorrupt, "mode", "PERMISSIVE").collectAsList();
    assertThat(permissive).hasSize(3);
    Row corrupt = permissive.stream().filter(row -> !row.isNullAt(2)).findFirst().orElseThrow();
    assertThat(corrupt.isNullAt(0)).isTrue();
    assertThat(corrupt.isNullAt(1)).isTrue();
    assertThat(corrupt.getString(2)).contains("\"age\":\"forty\"").contains("\"name\":\"cy\"");
    assertThat(permissive.stream().filter(row -> row.isNullAt(2))).extracting(row -> row.getInt(1))
        .containsExactlyInAnyOrder(41, 42);

    List<Row> renamed = read(index, PERSON.add("broken", DataTypes.StringType), "mode", "PERMISSIVE",
        "columnNameOfCorruptRecord", "broken").collectAsList();
    assertThat(renamed.stream().filter(row -> !row.isNullAt(2))).hasSize(1);
  }

  @Test
  void readDataErrorHandlersRunBeforeTheParseMode() {
    String index = hitsWithOneMisfit();
    String deadLetters = server.uniqueIndex("read-dlq");
    List<Row> rows = read(index, PERSON, "es.read.data.error.handlers", "es",
        "es.read.data.error.handler.es.client.resource", deadLetters).collectAsList();
    assertThat(rows).extracting(row -> row.getString(0)).containsExactlyInAnyOrder("ann", "bob");
    JsonNode entry = onlyDeadLetter(deadLetters);
    assertThat(entry.path("stage").asText()).isEqualTo("decoding");
    assertThat(entry.path("index").asText()).isEqualTo(index);
    assertThat(entry.path("id").asText()).isEqualTo("bad");
    assertThat(entry.path("operation").asText()).isEqualTo("read");
    assertThat(entry.path("document").asText()).contains("\"age\":\"forty\"");
  }

  /** Three people whose age is a keyword in the mapping; one of them is not a number. */
  private String hitsWithOneMisfit() {
    String index = server.uniqueIndex("misfit");
    rest.put("/" + index, "{\"mappings\":{\"properties\":{\"name\":{\"type\":\"keyword\"},\"age\":{\"type\":\"keyword\"}}}}");
    rest.put("/" + index + "/_doc/a?refresh=true", "{\"name\":\"ann\",\"age\":41}");
    rest.put("/" + index + "/_doc/b?refresh=true", "{\"name\":\"bob\",\"age\":42}");
    rest.put("/" + index + "/_doc/bad?refresh=true", "{\"name\":\"cy\",\"age\":\"forty\"}");
    return index;
  }

  private org.apache.spark.sql.Dataset<Row> read(String index, StructType schema, String... options) {
    var reader = spark.read().format("searchbridge").schema(schema).option("es.nodes", server.url());
    for (int i = 0; i < options.length; i += 2) {
      reader = reader.option(options[i], options[i + 1]);
    }
    return reader.load(index);
  }

  private JsonNode onlyDeadLetter(String deadLetters) {
    rest.post("/" + deadLetters + "/_refresh", null);
    JsonNode hits = rest.get("/" + deadLetters + "/_search").path("hits").path("hits");
    assertThat(hits).hasSize(1);
    return hits.get(0).path("_source");
  }
}
