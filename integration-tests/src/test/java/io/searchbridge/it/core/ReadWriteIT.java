package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static io.searchbridge.it.core.CoreFixtures.readAll;
import static io.searchbridge.it.core.CoreFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PitSlicePartition;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.plan.ShardPartition;
import io.searchbridge.core.query.EsQueryParser;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** 100,000 documents written by the bulk writer and read back through planner and cursors. */
@ExtendWith(ElasticsearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadWriteIT {

  private static final int DOCS = 100_000;

  private ElasticsearchServer server;
  private RestCalls rest;
  private String index;

  @BeforeAll
  void writeOnce(ElasticsearchServer server) {
    this.server = server;
    this.rest = new RestCalls(server);
    this.index = server.uniqueIndex("numbers");
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},"
        + "\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"},\"group\":{\"type\":\"keyword\"}}}}");
    Settings settings = settings(server, "es.batch.size.entries", "5000");
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, DOCS);
      assertThat(client.metrics().get(Counter.DOCS_WRITTEN)).isEqualTo(DOCS);
      assertThat(client.metrics().get(Counter.BULK_REQUESTS)).isEqualTo(DOCS / 5000);
    }
    assertThat(rest.count(index)).isEqualTo(DOCS);
  }

  @Test
  void slicedPointInTimeReadSeesEveryDocumentOnce() {
    Settings settings = settings(server, "es.input.max.docs.per.partition", "10000", "es.scroll.size", "2000");
    try (EsClient client = client(settings)) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        // ~33,334 documents per shard and at most 10,000 per partition: 4 slices per shard, rounded up.
        assertThat(plan.partitions()).hasSize(12).allMatch(p -> p instanceof PitSlicePartition);
        assertThat(plan.pitId()).isPresent();
        assertThat(rest.openSearchContexts(index)).as("the plan's point-in-time is open").isPositive();
        assertThat(plan.partitions()).allSatisfy(p -> assertThat(p.preferredHosts()).containsExactly("127.0.0.1"));
        assertEveryIdOnce(readAll(client, settings, plan));
        assertThat(client.metrics().get(Counter.DOCS_READ)).isEqualTo(DOCS);
      } finally {
        planner.release(plan);
      }
      assertThat(rest.openSearchContexts(index)).isZero();
    }
  }

  @Test
  void oneSlicePerShardByDefault() {
    Settings settings = settings(server);
    try (EsClient client = client(settings)) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        assertThat(plan.partitions()).hasSize(3);
        assertEveryIdOnce(readAll(client, settings, plan));
      } finally {
        planner.release(plan);
      }
    }
  }

  @Test
  void shardStrategyReadsEachShardWithItsOwnPointInTimeAndClosesIt() {
    Settings settings = settings(server, "es.read.partition.strategy", "shard");
    try (EsClient client = client(settings)) {
      ReadPlan plan = new PartitionPlanner(client, settings).plan(index, QuerySpec.matchAll());
      assertThat(plan.pitId()).isEmpty();
      assertThat(plan.partitions()).hasSize(3).allMatch(p -> p instanceof ShardPartition);
      assertThat(plan.partitions()).extracting(p -> ((ShardPartition) p).shard()).containsExactly(0, 1, 2);
      assertEveryIdOnce(readAll(client, settings, plan));
    }
    assertThat(rest.openSearchContexts(index)).isZero();
  }

  @Test
  void queryFilteringAndSourcePruningHappenOnTheServer() {
    Settings settings = settings(server, "es.query", "?q=group:g3");
    try (EsClient client = client(settings)) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      QuerySpec query = new QuerySpec(EsQueryParser.parse(settings.get(io.searchbridge.core.config.Keys.QUERY)),
          List.of("n"), List.of(), -1);
      assertThat(planner.count(index, query)).isEqualTo(DOCS / 10);
      ReadPlan plan = planner.plan(index, query);
      try {
        List<RawHit> hits = readAll(client, settings, plan);
        assertThat(hits).hasSize(DOCS / 10);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.sourceAsString()).matches("\\{\"n\":\\d+}"));
        assertThat(hits).allSatisfy(hit -> assertThat(Long.parseLong(hit.metadata().id().substring(3)) % 10).isEqualTo(3));
      } finally {
        planner.release(plan);
      }
    }
  }

  @Test
  void limitStopsEachPartitionEarly() {
    Settings settings = settings(server, "es.scroll.size", "100");
    try (EsClient client = client(settings)) {
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll().withLimit(250));
      try {
        assertThat(readAll(client, settings, plan)).hasSize(3 * 250);
        // three pages of 100, 100 and 50 per partition: nothing fetched beyond the limit
        assertThat(client.metrics().get(Counter.SEARCH_REQUESTS)).isEqualTo(9);
      } finally {
        planner.release(plan);
      }
    }
  }

  @Test
  void countFetchesNoDocuments() {
    Settings settings = settings(server);
    try (EsClient client = client(settings)) {
      assertThat(new PartitionPlanner(client, settings).count(index, QuerySpec.matchAll())).isEqualTo(DOCS);
      assertThat(client.metrics().get(Counter.SEARCH_REQUESTS)).isZero();
      assertThat(client.metrics().get(Counter.DOCS_READ)).isZero();
    }
  }

  @Test
  void missingIndexFailsClearlyOrReadsAsEmptyWhenAsked() {
    String missing = server.uniqueIndex("missing");
    Settings strict = settings(server);
    try (EsClient client = client(strict)) {
      assertThatThrownBy(() -> new PartitionPlanner(client, strict).plan(missing, QuerySpec.matchAll()))
          .isInstanceOfSatisfying(EsRequestException.class, e -> assertThat(e.status()).isEqualTo(404))
          .hasMessageContaining("index [" + missing + "] does not exist")
          .hasMessageContaining("es.index.read.missing.as.empty");
    }
    Settings lenient = settings(server, "es.index.read.missing.as.empty", "true");
    try (EsClient client = client(lenient)) {
      PartitionPlanner planner = new PartitionPlanner(client, lenient);
      assertThat(planner.plan(missing, QuerySpec.matchAll()).partitions()).isEmpty();
      assertThat(planner.count(missing, QuerySpec.matchAll())).isZero();
    }
  }

  @Test
  void perShardCountsUsePreference() {
    Settings settings = settings(server);
    try (EsClient client = client(settings)) {
      long total = 0;
      for (int shard = 0; shard < 3; shard++) {
        total += client.count(index, QuerySpec.MATCH_ALL, Optional.of(shard));
      }
      assertThat(total).isEqualTo(DOCS);
    }
  }

  private static void assertEveryIdOnce(List<RawHit> hits) {
    Set<String> ids = new HashSet<>();
    for (RawHit hit : hits) {
      assertThat(ids.add(hit.metadata().id())).as("duplicate %s", hit.metadata().id()).isTrue();
    }
    assertThat(ids).hasSize(DOCS);
    for (int i = 0; i < DOCS; i += 9_999) {
      assertThat(ids).contains("id-" + i);
    }
  }
}
