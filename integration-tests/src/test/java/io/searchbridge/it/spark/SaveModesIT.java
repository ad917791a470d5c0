package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.it.support.SparkIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The four save modes of {@code df.write.format("searchbridge")} against the real server. */
class SaveModesIT extends SparkIntegrationTest {

  private static final StructType ITEM = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("name", DataTypes.StringType)
      .add("n", DataTypes.LongType);

  private static final String ITEM_MAPPING = "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":0},"
      + "\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},\"name\":{\"type\":\"keyword\"},"
      + "\"n\":{\"type\":\"long\"}}}}";

  private Dataset<Row> items(String prefix, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(RowFactory.create(prefix + i, "item " + i, (long) i));
    }
    return spark.createDataFrame(rows, ITEM);
  }

  private void write(Dataset<Row> rows, String index, String mode) {
    rows.write().format("searchbridge").option("es.nodes", server.url()).option("es.mapping.id", "id")
        .mode(mode).save(index);
  }

  private boolean has(String index, String id) {
    return rest.get("/" + index + "/_count?q=_id:" + id).path("count").asLong() > 0;
  }

  private boolean exists(String index) {
    return rest.get("/_cat/indices/" + index + "?format=json&expand_wildcards=all").size() > 0;
  }

  @Test
  void errorIfExistsWritesToANewIndex() {
    String index = server.uniqueIndex("errorifexists-new");
    write(items("a", 40), index, "errorifexists");
    assertThat(rest.count(index)).isEqualTo(40);
    // the default mode is ErrorIfExists too
    String other = server.uniqueIndex("default-mode-new");
    items("a", 5).write().format("searchbridge").option("es.nodes", server.url()).save(other);
    assertThat(rest.count(other)).isEqualTo(5);
  }

  @Test
  void errorIfExistsFailsOnAnExistingIndexAndNamesIt() {
    String index = server.uniqueIndex("errorifexists-existing");
    rest.put("/" + index, ITEM_MAPPING);
    write(items("a", 10), index, "append");

    assertThatThrownBy(() -> write(items("b", 10), index, "errorifexists"))
        .hasMessageContaining("index [" + index + "] already exists")
        .hasMessageContaining("ErrorIfExists");
    assertThat(rest.count(index)).isEqualTo(10);
    // as in ES-Hadoop, an index created beforehand (e.g. for its mapping) but still empty is written to
    String empty = server.uniqueIndex("errorifexists-empty");
    rest.put("/" + empty, ITEM_MAPPING);
    write(items("b", 3), empty, "errorifexists");
    assertThat(rest.count(empty)).isEqualTo(3);
  }

  @Test
  void errorIfExistsCreatesTheIndexEvenForNoRows() {
    String index = server.uniqueIndex("errorifexists-empty-frame");
    write(items("a", 0), index, "errorifexists");
    assertThat(exists(index)).isTrue();
    assertThat(rest.count(index)).isZero();
    // still empty, so the next write goes in; once it holds documents the mode refuses
    write(items("a", 1), index, "errorifexists");
    assertThat(rest.count(index)).isEqualTo(1);
    assertThatThrownBy(() -> write(items("b", 1), index, "errorifexists")).hasMessageContaining("holds 1 document(s)");
  }

  @Test
  void ignoreWritesNothingToAnExistingIndex() {
    String index = server.uniqueIndex("ignore-existing");
    rest.put("/" + index, ITEM_MAPPING);
    write(items("a", 12), index, "append");

    write(items("b", 30), index, "ignore");
    assertThat(rest.count(index)).isEqualTo(12);
    assertThat(has(index, "b0")).isFalse();
  }

  @Test
  void ignoreWritesToANewIndex() {
    String index = server.uniqueIndex("ignore-new");
    write(items("a", 25), index, "ignore");
    assertThat(rest.count(index)).isEqualTo(25);
  }

  @Test
  void appendStillAddsAndOverwriteStillReplacesKeepingTheMapping() {
    String index = server.uniqueIndex("append-overwrite");
    rest.put("/" + index, ITEM_MAPPING);
    write(items("a", 20), index, "append");
    write(items("b", 15), index, "append");
    // same ids replace documents
    write(items("a", 5), index, "append");
    assertThat(rest.count(index)).isEqualTo(35);

    write(items("c", 7), index, "overwrite");
    assertThat(rest.count(index)).isEqualTo(7);
    assertThat(rest.get("/" + index + "/_doc/c3").path("_source").path("n").asLong()).isEqualTo(3);
    assertThat(has(index, "a0")).isFalse();
    assertThat(rest.get("/" + index + "/_mapping").path(index).path("mappings").path("properties").path("name")
        .path("type").asText()).isEqualTo("keyword");
    assertThat(rest.get("/" + index + "/_settings").path(index).path("settings").path("index")
        .path("number_of_shards").asText()).isEqualTo("2");

    // append and overwrite on a missing index create it, as before
    String fresh = server.uniqueIndex("append-new");
    write(items("a", 3), fresh, "append");
    assertThat(rest.count(fresh)).isEqualTo(3);
    String freshOverwrite = server.uniqueIndex("overwrite-new");
    write(items("a", 4), freshOverwrite, "overwrite");
    assertThat(rest.count(freshOverwrite)).isEqualTo(4);
  }

  @Test
  void overwriteOfAnAliasSwapsANewIndexInAtCommitAndAFailedOneLeavesThePreviousData() {
    String previous = server.uniqueIndex("alias-v1");
    String alias = server.uniqueIndex("alias");
    rest.put("/" + previous, ITEM_MAPPING.replace("\"mappings\"", "\"aliases\":{\"" + alias + "\":{}},\"mappings\""));
    write(items("a", 20), alias, "append");

    // Batches of 5 reach the new index before the row that fails the job (the repartition keeps Spark
    // from evaluating the rows while it plans, as it would over a local relation).
    Dataset<Row> failing = items("b", 30).repartition(1)
        .withColumn("n", functions.expr("IF(n = 25, raise_error('boom'), n)"));
    assertThatThrownBy(() -> failing.write().format("searchbridge").option("es.nodes", server.url())
        .option("es.mapping.id", "id").option("es.batch.size.entries", "5").mode("overwrite").save(alias))
        .hasMessageContaining("boom");
    assertThat(rest.count(alias)).as("the previous data after a failed overwrite").isEqualTo(20);
    assertThat(aliasTargets(alias)).containsExactly(previous);
    assertThat(exists(alias + "-*")).as("the failed job's new index is deleted").isFalse();

    write(items("c", 7), alias, "overwrite");
    assertThat(rest.count(alias)).isEqualTo(7);
    assertThat(has(alias, "c3")).isTrue();
    assertThat(exists(previous + "*")).as("the previous index is deleted at commit").isFalse();
    String current = aliasTargets(alias).get(0);
    assertThat(current).startsWith(alias + "-");
    assertThat(rest.get("/" + current + "/_mapping").path(current).path("mappings").path("properties").path("name")
        .path("type").asText()).isEqualTo("keyword");
    assertThat(rest.get("/" + current + "/_settings").path(current).path("settings").path("index")
        .path("number_of_shards").asText()).isEqualTo("2");

    // the old way, by setting: the index behind the alias is emptied first and keeps its name
    items("d", 4).write().format("searchbridge").option("es.nodes", server.url()).option("es.mapping.id", "id")
        .option("es.write.overwrite.strategy", "delete").mode("overwrite").save(alias);
    assertThat(rest.count(alias)).isEqualTo(4);
    assertThat(aliasTargets(alias)).containsExactly(current);
  }

  private List<String> aliasTargets(String alias) {
    List<String> indexes = new ArrayList<>();
    rest.get("/_alias/" + alias).fieldNames().forEachRemaining(indexes::add);
    return indexes;
  }

  @Test
  void writtenDocumentsReadBackThroughTheDataSource() {
    String index = server.uniqueIndex("ignore-readback");
    write(items("a", 9), index, "ignore");
    Dataset<Row> back = spark.read().format("searchbridge").option("es.nodes", server.url()).load(index);
    assertThat(back.count()).isEqualTo(9);
    assertThat(back.filter("n >= 5").count()).isEqualTo(4);
  }

  @Test
  void aPatternIndexIsRefusedForErrorIfExistsAndIgnore() {
    String prefix = server.uniqueIndex("pattern");
    assertThatThrownBy(() -> write(items("a", 2), prefix + "-{name}", "ignore"))
        .hasMessageContaining("needs one concrete index");
  }
}
