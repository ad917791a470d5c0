package io.searchbridge.it.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.config.Settings;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedElasticsearch;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.mirror.Mirror;
import io.searchbridge.mirror.MirrorApp;
import io.searchbridge.mirror.MirrorArgs;
import io.searchbridge.mirror.MirrorConfig;
import io.searchbridge.mirror.MirrorStatus;
import io.searchbridge.mirror.Verifier;
import io.searchbridge.mirror.VerifyReport;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The mirror between two real clusters on loopback: the shared node as primary and a node of its
 * own as standby. Rounds are run one by one instead of waiting for the interval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MirrorIT {

  private static final String STANDBY_NAME = "it-mirror-standby";
  private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private final ElasticsearchServer primary = SharedElasticsearch.get();
  private final RestCalls onPrimary = new RestCalls(primary);
  private ElasticsearchServer standby;
  private RestCalls onStandby;
  private JavaSparkContext spark;

  @BeforeAll
  void startStandby() {
    standby = ElasticsearchServer.start(STANDBY_NAME, "--heap", "512m");
    onStandby = new RestCalls(standby);
    spark = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
  }

  @AfterAll
  void stopStandby() {
    if (standby != null) {
      standby.stop();
    }
  }

  private MirrorConfig config(String index, String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    raw.put("es.nodes", primary.url());
    raw.put("es.nodes.discovery", "false");
    raw.put("es.mirror.standby.nodes", standby.url());
    raw.put("es.mirror.indexes", index);
    raw.put("es.mirror.marker.field", "updated_at");
    raw.put("es.mirror.marker.overlap", "0");
    raw.put("es.http.retries", "1");
    raw.put("es.http.retry.wait", "100ms");
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return MirrorConfig.from(Settings.of(raw));
  }

  /** A new index on the primary with documents d0..d(count-1). */
  private String indexWithDocs(String prefix, int shards, int count) {
    String index = primary.uniqueIndex(prefix);
    createIndex(index, shards);
    writeDocs(index, 0, count, "first");
    return index;
  }

  private void createIndex(String index, int shards) {
    onPrimary.put("/" + index, """
        {"settings":{"number_of_shards":%d,"number_of_replicas":0},
         "mappings":{"properties":{"updated_at":{"type":"date"},"name":{"type":"keyword"},"tags":{"type":"keyword"},
           "born":{"type":"date","format":"yyyy-MM-dd"},
           "items":{"type":"nested","properties":{"sku":{"type":"keyword"},"qty":{"type":"integer"}}}}}}
        """.formatted(shards));
  }

  /** Documents {@code first..first+count-1}, with updated_at T0 + i seconds; every third routed by a user key. */
  private void writeDocs(String index, int first, int count, String name) {
    StringBuilder bulk = new StringBuilder();
    for (int i = first; i < first + count; i++) {
      String routing = i % 3 == 0 ? ",\"routing\":\"user-" + (i % 7) + "\"" : "";
      bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"d").append(i).append('"')
          .append(routing).append("}}\n");
      bulk.append("""
          {"updated_at":%d,"name":"%s","tags":["t%d","shared"],"born":"1990-01-%02d",
           "items":[{"sku":"a%d","qty":%d},{"sku":"b","qty":1}]}
          """.formatted(T0 + i * 1000L, name, i % 5, 1 + i % 28, i, i % 9).replace("\n", "")).append('\n');
    }
    JsonNode answer = onPrimary.post("/_bulk?refresh=true", bulk.toString());
    assertThat(answer.path("errors").asBoolean()).as("bulk errors: %s", answer).isFalse();
  }

  private static VerifyReport verify(JavaSparkContext spark, MirrorConfig config, String index, boolean repair) {
    return new Verifier(spark, config).verify(index, repair);
  }

  private JsonNode cursorOf(String index) {
    onStandby.post("/.searchbridge-mirror-state/_refresh", null);
    return onStandby.get("/.searchbridge-mirror-state/_doc/" + index).path("_source");
  }

  @Test
  @Order(1)
  void fullCopyKeepsSettingsMappingsIdsAndRoutingAndVerifiesClean() {
    String index = indexWithDocs("mirror-full", 3, 60);
    MirrorConfig config = config(index);
    MirrorStatus status = MirrorStatus.systemClock();

    new Mirror(spark, config, status).round();

    assertThat(onStandby.count(index)).isEqualTo(60);
    JsonNode definition = onStandby.get("/" + index).path(index);
    assertThat(definition.path("settings").path("index").path("number_of_shards").asText()).isEqualTo("3");
    assertThat(definition.path("mappings").path("properties").path("items").path("type").asText()).isEqualTo("nested");
    assertThat(definition.path("mappings").path("properties").path("born").path("format").asText()).isEqualTo("yyyy-MM-dd");
    // A routed document is found only with its routing, and only where the primary put it.
    JsonNode routed = onStandby.get("/" + index + "/_doc/d3?routing=user-3");
    assertThat(routed.path("found").asBoolean()).isTrue();
    assertThat(routed.path("_routing").asText()).isEqualTo("user-3");
    assertThat(routed.path("_source").path("items").size()).isEqualTo(2);
    assertThat(onStandby.post("/" + index + "/_search", "{\"query\":{\"nested\":{\"path\":\"items\","
        + "\"query\":{\"term\":{\"items.sku\":\"a7\"}}}}}").path("hits").path("hits").get(0).path("_id").asText())
        .isEqualTo("d7");
    assertThat(status.getDocumentsTransferred()).containsEntry(index, 60L);
    assertThat(status.getBytesTransferred().get(index)).isPositive();
    assertThat(status.getLag()).containsEntry(index, 0L);
    assertThat(cursorOf(index).path("position").asLong()).isEqualTo(T0 + 59_000L);

    VerifyReport report = verify(spark, config, index, false);
    assertThat(report.inSync()).as(report.line()).isTrue();
    assertThat(report.primaryDocuments()).isEqualTo(60);
  }

  @Test
  @Order(2)
  void roundsCarryNewAndUpdatedDocumentsAndRepairCarriesDeletes() {
    String index = indexWithDocs("mirror-incremental", 2, 40);
    MirrorConfig config = config(index);
    MirrorStatus status = MirrorStatus.systemClock();
    Mirror mirror = new Mirror(spark, config, status);
    mirror.round();

    writeDocs(index, 40, 5, "new");
    writeDocs(index, 41, 2, "updated");  // d41 and d42 (routed) written again
    onPrimary.post("/" + index + "/_update/d1?refresh=true",
        "{\"doc\":{\"name\":\"changed\",\"updated_at\":" + (T0 + 100_000L) + "}}");
    mirror.round();

    assertThat(onStandby.count(index)).isEqualTo(45);
    assertThat(onStandby.get("/" + index + "/_doc/d1").path("_source").path("name").asText()).isEqualTo("changed");
    assertThat(onStandby.get("/" + index + "/_doc/d41").path("_source").path("name").asText()).isEqualTo("updated");
    // Only what changed since the cursor was copied again: d40-d44, d1, and d39 at the cursor itself.
    assertThat(status.getDocumentsTransferred().get(index)).isEqualTo(40L + 7L);
    assertThat(verify(spark, config, index, false).inSync()).isTrue();

    onPrimary.post("/_bulk?refresh=true", "{\"delete\":{\"_index\":\"" + index + "\",\"_id\":\"d5\"}}\n"
        + "{\"delete\":{\"_index\":\"" + index + "\",\"_id\":\"d6\",\"routing\":\"user-6\"}}\n");
    mirror.round();
    VerifyReport beforeRepair = verify(spark, config, index, false);
    assertThat(beforeRepair.extra()).as(beforeRepair.line()).isEqualTo(2);
    assertThat(beforeRepair.missing() + beforeRepair.different()).isZero();

    VerifyReport repaired = verify(spark, config, index, true);
    assertThat(repaired.repaired()).isTrue();
    assertThat(onStandby.count(index)).isEqualTo(43);
    VerifyReport after = verify(spark, config, index, false);
    assertThat(after.inSync()).as(after.line()).isTrue();
  }

  @Test
  @Order(3)
  void repairRewritesDifferentAndMissingDocuments() {
    String index = indexWithDocs("mirror-repair", 1, 10);
    MirrorConfig config = config(index);
    new Mirror(spark, config, MirrorStatus.systemClock()).round();
    // Damage the standby behind the mirror's back: one document changed, one lost.
    onStandby.post("/" + index + "/_doc/d2?refresh=true", "{\"name\":\"tampered\"}");
    onStandby.post("/_bulk?refresh=true", "{\"delete\":{\"_index\":\"" + index + "\",\"_id\":\"d4\"}}\n");

    VerifyReport found = verify(spark, config, index, true);
    assertThat(found.different()).as(found.line()).isEqualTo(1);
    assertThat(found.missing()).as(found.line()).isEqualTo(1);

    assertThat(verify(spark, config, index, false).inSync()).isTrue();
    assertThat(onStandby.get("/" + index + "/_doc/d2").path("_source").path("name").asText()).isEqualTo("first");
  }

  @Test
  @Order(4)
  void killedMidRoundResumesFromThePersistedCursor() throws Exception {
    String index = indexWithDocs("mirror-kill", 6, 100);
    // Small batches and pages: the round runs long enough to be killed half-way.
    MirrorConfig config = config(index, "es.batch.size.entries", "20", "es.scroll.size", "50");
    new Mirror(spark, config, MirrorStatus.systemClock()).round();
    long cursorBefore = cursorOf(index).path("position").asLong();
    assertThat(cursorBefore).isEqualTo(T0 + 99_000L);
    for (int first = 100; first < 3100; first += 1000) {
      writeDocs(index, first, 1000, "later");
    }

    // The "kill": the round's Spark job is cancelled as soon as its first task is done.
    SparkListener killer = onFirstTaskEnd(() -> spark.sc().cancelJobGroup("mirror-kill"));
    MirrorStatus killedStatus = MirrorStatus.systemClock();
    CompletableFuture<Void> killedRound = CompletableFuture.runAsync(() -> {
      spark.setJobGroup("mirror-kill", "round to be killed", true);
      try {
        new Mirror(spark, config, killedStatus).round();
      } finally {
        spark.clearJobGroup();
      }
    });
    try {
      assertThatThrownBy(() -> killedRound.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class);
    } finally {
      spark.sc().removeSparkListener(killer);
    }
    long landed = onStandby.count(index);
    assertThat(landed).as("some documents of the killed round landed").isBetween(100L, 3099L);
    assertThat(cursorOf(index).path("position").asLong()).isEqualTo(cursorBefore);
    assertThat(killedStatus.getConsecutiveFailedRequests()).isEqualTo(1);

    // The restarted process: a new mirror with a new status, resuming from the stored cursor.
    MirrorStatus restarted = MirrorStatus.systemClock();
    new Mirror(spark, config, restarted).round();

    assertThat(restarted.getDocumentsTransferred().get(index))
        .as("the resumed round copied what changed since the cursor, not the whole index of 3100")
        .isEqualTo(3001L);
    assertThat(cursorOf(index).path("position").asLong()).isEqualTo(T0 + 3099_000L);
    assertThat(verify(spark, config, index, false).inSync()).isTrue();
  }

  @Test
  @Order(5)
  void applicationPublishesItsStatusAndRunsBothModes() throws Exception {
    String index = indexWithDocs("mirror-app", 1, 5);
    List<String> settings = List.of("es.nodes=" + primary.url(), "es.nodes.discovery=false",
        "es.mirror.standby.nodes=" + standby.url(), "es.mirror.indexes=" + index, "es.mirror.marker.field=updated_at");

    assertThat(MirrorApp.run(SharedSpark.session(), MirrorArgs.parse(concat("mirror", "--once", settings)))).isZero();
    assertThat(MirrorApp.run(SharedSpark.session(), MirrorArgs.parse(concat("verify", settings)))).isZero();
    assertThat(onStandby.count(index)).isEqualTo(5);

    MirrorStatus status = MirrorStatus.systemClock();
    try (MirrorApp.Published published = MirrorApp.Published.of(status, List.of(index))) {
      status.indexCopied(index, 5, 321, Optional.of(0L));
      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName("io.searchbridge:type=Mirror");
      assertThat(jmx.getAttribute(name, "SecondsSinceLastSuccessfulRound")).isEqualTo(-1L);
      TabularData bytes = (TabularData) jmx.getAttribute(name, "BytesTransferred");
      assertThat(bytes.get(new Object[] {index}).get("value")).isEqualTo(321L);
      Object gauge = published.source().metricRegistry().getGauges().get("index." + index + ".documentsTransferred");
      assertThat(((com.codahale.metrics.Gauge<?>) gauge).getValue()).isEqualTo(5L);
      assertThat(SparkEnv.get().metricsSystem().getSourcesByName("searchbridge.mirror").isEmpty()).isFalse();
    }
    assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName("io.searchbridge:type=Mirror")))
        .isFalse();
  }

  private static List<String> concat(String mode, List<String> settings) {
    return Stream.concat(Stream.of(mode), settings.stream()).toList();
  }

  private static List<String> concat(String mode, String flag, List<String> settings) {
    return Stream.concat(Stream.of(mode, flag), settings.stream()).toList();
  }

  /** Last: restarting the standby empties it (es.sh instances start clean), which the mirror must survive. */
  @Test
  @Order(6)
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void standbyStoppedDuringARoundMakesRoundsFailWithoutLosingDataAndTheMirrorRecovers() throws Exception {
    String index = indexWithDocs("mirror-outage", 6, 30);
    MirrorConfig config = config(index, "es.batch.size.entries", "20", "es.scroll.size", "50");
    MirrorStatus status = MirrorStatus.systemClock();
    Mirror mirror = new Mirror(spark, config, status);
    mirror.round();
    long cursorBefore = cursorOf(index).path("position").asLong();
    String standbyUrl = standby.url();
    for (int first = 30; first < 3030; first += 1000) {
      writeDocs(index, first, 1000, "during outage");
    }

    // The standby goes down while the round's tasks are writing to it.
    CompletableFuture<Void> stopping = new CompletableFuture<>();
    SparkListener stopper = onFirstTaskEnd(() -> CompletableFuture.runAsync(standby::stop).whenComplete((done, error) -> {
      if (error != null) {
        stopping.completeExceptionally(error);
      } else {
        stopping.complete(null);
      }
    }));
    try {
      assertThatThrownBy(mirror::round).isInstanceOf(RuntimeException.class);
    } finally {
      spark.sc().removeSparkListener(stopper);
    }
    stopping.get(1, TimeUnit.MINUTES);
    assertThatThrownBy(mirror::round).isInstanceOf(RuntimeException.class);
    assertThat(status.getConsecutiveFailedRequests()).isEqualTo(2);
    assertThat(status.getState()).contains("failed");
    assertThat(status.getSecondsSinceLastSuccessfulRound()).isGreaterThanOrEqualTo(0);

    standby = ElasticsearchServer.start(STANDBY_NAME, "--heap", "512m");
    onStandby = new RestCalls(standby);
    assertThat(standby.url()).as("the standby came back at its address").isEqualTo(standbyUrl);
    mirror.round();

    assertThat(status.getConsecutiveFailedRequests()).isZero();
    assertThat(status.getState()).contains("done");
    // The restarted instance came back empty: the mirror saw no cursor and copied everything again.
    assertThat(onStandby.count(index)).isEqualTo(3030);
    assertThat(cursorOf(index).path("position").asLong()).isGreaterThan(cursorBefore);
    VerifyReport report = verify(spark, config, index, false);
    assertThat(report.inSync()).as(report.line()).isTrue();
  }

  /** Registers a listener that runs {@code action} once, when the next Spark task ends; remove it after use. */
  private SparkListener onFirstTaskEnd(Runnable action) {
    AtomicBoolean armed = new AtomicBoolean(true);
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (armed.compareAndSet(true, false)) {
          action.run();
        }
      }
    };
    spark.sc().addSparkListener(listener);
    return listener;
  }
}
