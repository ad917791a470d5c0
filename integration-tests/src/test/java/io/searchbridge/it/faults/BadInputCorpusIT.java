package io.searchbridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SearchCursor;
import io.searchbridge.core.write.DocumentEncoder;
import io.searchbridge.core.write.TaskWriter;
import io.searchbridge.it.faults.BadInputCase.Path;
import io.searchbridge.it.faults.BadInputCase.Target;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.FaultServer;
import io.searchbridge.it.support.LogCapture;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedElasticsearch;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.spark.rdd.JavaSearchbridgeSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input gets a clear answer naming the document, field or setting, and nothing is
 * silently dropped: after each write the index holds exactly the documents that were not reported.
 * Most cases run in connector-core directly; a few go through Spark end to end.
 */
class BadInputCorpusIT {

  static Stream<BadInputCase> corpus() {
    return BadInputCorpus.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputGetsAClearAnswerAndNothingIsDropped(BadInputCase given) {
    ElasticsearchServer server = given.target() == Target.ON_SMALL_REQUEST_LIMIT_SERVER ? FaultServer.get()
        : SharedElasticsearch.get();
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("corpus");
    Map<String, String> settings = new HashMap<>(given.settings());
    settings.putIfAbsent("es.nodes", server.url());
    settings.putIfAbsent("es.resource", index);
    prepare(given, rest, index);
    try (LogCapture log = LogCapture.open()) {
      Throwable error = catchThrowable(() -> run(given, settings, index));
      if (given.path() == Path.SETTINGS_WARNING || given.path() == Path.CORE_WRITE_HANDLED) {
        assertThat(error).isNull();
        assertThat(log.text()).contains(given.expected());
      } else if (given.succeeds()) {
        assertThat(error).as("valid input must succeed").isNull();
      } else {
        assertThat(error).as("bad input must fail").isNotNull();
        String text = fullText(error);
        assertThat(text).contains(given.expected());
        if (given.forbidden() != null) {
          assertThat(text).doesNotContain(given.forbidden());
        }
      }
    } finally {
      cleanUp(given, rest, index);
    }
    if (given.landed() >= 0 && given.path() != Path.CORE_READ && given.path() != Path.SPARK_READ) {
      assertThat(rest.count(index)).as("documents in the index: all but the reported ones").isEqualTo(given.landed());
    }
  }

  private static void prepare(BadInputCase given, RestCalls rest, String index) {
    switch (given.target()) {
      case NEW_INDEX, ON_SMALL_REQUEST_LIMIT_SERVER -> rest.put("/" + index, given.indexBody());
      case MISSING -> { }
      case CLOSED -> {
        rest.put("/" + index, given.indexBody());
        rest.post("/" + index + "/_close", null);
      }
      // A shard that may live only on a node that does not exist: created, never allocated.
      case RED -> rest.put("/" + index + "?wait_for_active_shards=0", "{\"settings\":{\"number_of_replicas\":0,"
          + "\"index.routing.allocation.require._name\":\"no-such-node\"}}");
      case ALIAS_OVER_TWO_INDEXES -> {
        rest.put("/" + index + "-a", given.indexBody());
        rest.put("/" + index + "-b", given.indexBody());
        rest.post("/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + index + "-a\",\"alias\":\"" + index + "\"}},"
            + "{\"add\":{\"index\":\"" + index + "-b\",\"alias\":\"" + index + "\"}}]}");
      }
    }
  }

  /** Red and closed indexes would disturb every later test of the shared node (health, searches on *). */
  private static void cleanUp(BadInputCase given, RestCalls rest, String index) {
    switch (given.target()) {
      case RED, CLOSED -> rest.delete("/" + index);
      case ALIAS_OVER_TWO_INDEXES -> rest.delete("/" + index + "-a," + index + "-b");
      default -> { }
    }
  }

  private static void run(BadInputCase given, Map<String, String> raw, String index) {
    switch (given.path()) {
      case SETTINGS, SETTINGS_WARNING -> {
        try (EsClient client = ElasticsearchJavaClient.open(Settings.of(raw).with("es.nodes.discovery", "false"),
            "corpus")) {
          new DocumentEncoder(Settings.of(raw), "corpus");
        }
      }
      case CORE_WRITE, CORE_WRITE_HANDLED -> coreWrite(given, Settings.of(raw));
      case CORE_READ -> assertThat(coreRead(Settings.of(raw), index)).isEqualTo(given.landed());
      case SPARK_JSON_WRITE -> JavaSearchbridgeSpark.saveJsonToEs(
          JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext()).parallelize(given.input(), 1), index, raw);
      case SPARK_READ -> assertThat(SharedSpark.session().read().format("searchbridge").options(raw).load(index).count())
          .isEqualTo(given.landed());
    }
  }

  /** Writes the way the engines' writers do: encoding under the encoding error handlers, then the bulk writer. */
  private static void coreWrite(BadInputCase given, Settings settings) {
    DocumentEncoder documents = new DocumentEncoder(settings, "saveJsonToEs");
    String task = "corpus writer";
    try (TaskWriter writer = TaskWriter.open(settings, task, "corpus")) {
      for (String json : given.input()) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        writer.write(at -> documents.encodeJson(bytes, at), () -> bytes, documents::encodeJson);
      }
      writer.flush();
    }
  }

  private static long coreRead(Settings settings, String index) {
    long read = 0;
    try (EsClient client = ElasticsearchJavaClient.open(settings, "corpus")) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        for (PartitionSpec partition : plan.partitions()) {
          try (SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, index, plan.query(), partition,
              RawHit.DECODER)) {
            while (cursor.hasNext()) {
              cursor.next();
              read++;
            }
          }
        }
      } finally {
        planner.release(plan);
      }
    }
    return read;
  }

  /** Message and stack trace of the error and its causes: what a user sees in a failed job's log. */
  private static String fullText(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
