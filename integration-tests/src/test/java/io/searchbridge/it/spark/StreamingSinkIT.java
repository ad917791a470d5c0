package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writeStream.format("searchbridge")} against the real server. Input is a directory of JSON
 * files (each file one micro-batch), which, unlike MemoryStream, survives a query restart.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingSinkIT {

  private static final StructType EVENT = new StructType()
      .add("id", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("n", DataTypes.LongType);

  private SparkSession spark;
  private ElasticsearchServer server;
  private RestCalls rest;
  private final AtomicInteger files = new AtomicInteger();

  /** Shared by the tests of the class (per-class lifecycle); each test works under its index's name. */
  @TempDir
  Path temp;

  @BeforeAll
  void start(ElasticsearchServer server) {
    this.server = server;
    this.rest = new RestCalls(server);
    this.spark = SharedSpark.session();
  }

  @Test
  void appendModeWritesEveryRow() throws Exception {
    String index = server.uniqueIndex("stream-append");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    addFile(input, event("a", "Ann", 1), event("b", "Bob", 2), event("c", "Cy", 3));
    StreamingQuery query = events(input).writeStream().format("searchbridge").outputMode("append")
        .option("checkpointLocation", temp.resolve(index).resolve("cp").toString()).option("es.nodes", server.url()).start(index);
    try {
      query.processAllAvailable();
      addFile(input, event("d", "Dee", 4), event("e", "Eve", 5));
      query.processAllAvailable();
    } finally {
      query.stop();
    }
    assertThat(rest.count(index)).isEqualTo(5);
    assertThat(rest.get("/" + index + "/_search?q=name:Dee").path("hits").path("hits").get(0).path("_source")
        .path("n").asLong()).isEqualTo(4);
    // the sink's commit log lives under the checkpoint given as an option
    assertThat(temp.resolve(index).resolve("cp/searchbridge-sink/commits/1")).exists();
  }

  @Test
  void updateModeUpsertsById() throws Exception {
    String index = server.uniqueIndex("stream-update");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    addFile(input, event("a", "Ann", 1), event("b", "Bob", 2));
    Dataset<Row> totals = events(input).groupBy("id").agg(functions.sum("n").as("total"), functions.count("*").as("seen"));
    StreamingQuery query = totals.writeStream().format("searchbridge").outputMode("update")
        .option("checkpointLocation", temp.resolve(index).resolve("cp").toString()).option("es.nodes", server.url())
        .option("es.mapping.id", "id").start(index);
    try {
      query.processAllAvailable();
      addFile(input, event("a", "Ann", 10));
      query.processAllAvailable();
    } finally {
      query.stop();
    }
    assertThat(rest.count(index)).isEqualTo(2);
    assertThat(rest.get("/" + index + "/_doc/a").path("_source").path("total").asLong()).isEqualTo(11);
    assertThat(rest.get("/" + index + "/_doc/a").path("_source").path("seen").asLong()).isEqualTo(2);
    assertThat(rest.get("/" + index + "/_doc/b").path("_source").path("total").asLong()).isEqualTo(2);
  }

  @Test
  void epochCommittedBySinkIsNotWrittenAgainAfterRestart() throws Exception {
    String index = server.uniqueIndex("stream-restart");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    Path checkpoint = temp.resolve(index).resolve("cp");
    addFile(input, event("a", "Ann", 1), event("b", "Bob", 2), event("c", "Cy", 3));
    StreamingQuery first = appendWithoutIds(input, checkpoint, index);
    try {
      first.processAllAvailable();
      addFile(input, event("d", "Dee", 4), event("e", "Eve", 5));
      first.processAllAvailable();
    } finally {
      first.stop();
    }
    assertThat(rest.count(index)).isEqualTo(5);

    // A crash after the sink committed epoch 1 but before Spark recorded it: Spark runs epoch 1 again.
    Files.delete(checkpoint.resolve("commits/1"));
    Files.deleteIfExists(checkpoint.resolve("commits/.1.crc"));
    StreamingQuery restarted = appendWithoutIds(input, checkpoint, index);
    try {
      restarted.processAllAvailable();
      assertThat(checkpoint.resolve("commits/1")).as("Spark re-ran and committed epoch 1").exists();
      assertThat(rest.count(index)).as("the re-run of epoch 1 wrote nothing").isEqualTo(5);

      addFile(input, event("f", "Fay", 6), event("g", "Gus", 7), event("h", "Hal", 8), event("i", "Ida", 9));
      restarted.processAllAvailable();
    } finally {
      restarted.stop();
    }
    assertThat(rest.count(index)).as("nothing lost after the restart").isEqualTo(9);
  }

  @Test
  void updateModeWithoutMappingIdNamesTheSetting() throws Exception {
    String index = server.uniqueIndex("stream-update-noid");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    addFile(input, event("a", "Ann", 1));
    StreamingQuery query = events(input).groupBy("id").count().writeStream().format("searchbridge")
        .outputMode("update").option("checkpointLocation", temp.resolve(index).resolve("cp").toString())
        .option("es.nodes", server.url()).start(index);
    try {
      assertThatThrownBy(query::processAllAvailable).hasStackTraceContaining("es.mapping.id")
          .hasStackTraceContaining("Update");
    } finally {
      query.stop();
    }
  }

  @Test
  void completeModeIsRefusedClearly() throws Exception {
    String index = server.uniqueIndex("stream-complete");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    addFile(input, event("a", "Ann", 1));
    StreamingQuery query = events(input).groupBy("id").count().writeStream().format("searchbridge")
        .outputMode("complete").option("checkpointLocation", temp.resolve(index).resolve("cp").toString())
        .option("es.nodes", server.url()).option("es.mapping.id", "id").start(index);
    try {
      assertThatThrownBy(query::processAllAvailable).hasStackTraceContaining("Complete output mode");
    } finally {
      query.stop();
    }
  }

  @Test
  void checkpointFromSessionConfHoldsTheCommitLog() throws Exception {
    String index = server.uniqueIndex("stream-conf");
    Path input = Files.createDirectories(temp.resolve(index).resolve("in"));
    Path checkpoints = temp.resolve(index).resolve("checkpoints");
    String name = "q_" + index.replace('-', '_');
    addFile(input, event("a", "Ann", 1), event("b", "Bob", 2));
    spark.conf().set("spark.sql.streaming.checkpointLocation", checkpoints.toString());
    try {
      StreamingQuery query = events(input).writeStream().format("searchbridge").queryName(name)
          .option("es.nodes", server.url()).start(index);
      try {
        query.processAllAvailable();
      } finally {
        query.stop();
      }
    } finally {
      spark.conf().unset("spark.sql.streaming.checkpointLocation");
    }
    assertThat(rest.count(index)).isEqualTo(2);
    // no checkpointLocation option: the sink found the checkpoint Spark derived from the session conf
    assertThat(checkpoints.resolve(name).resolve("searchbridge-sink/commits/0")).exists();
  }

  private Dataset<Row> events(Path input) {
    return spark.readStream().schema(EVENT).json(input.toString());
  }

  private StreamingQuery appendWithoutIds(Path input, Path checkpoint, String index) throws TimeoutException {
    return events(input).writeStream().format("searchbridge").outputMode("append")
        .option("checkpointLocation", checkpoint.toString()).option("es.nodes", server.url()).start(index);
  }

  private static String event(String id, String name, long n) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"n\":" + n + "}";
  }

  /** Written elsewhere and moved in, so the file source never sees a half-written file. */
  private void addFile(Path input, String... lines) throws IOException {
    Path staged = temp.resolve("staged-" + files.incrementAndGet() + ".json");
    Files.writeString(staged, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    Files.move(staged, input.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
