package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.ResponseReader;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.plan.ShardPartition;
import io.searchbridge.core.query.QuerySpec;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A shard partition against a scripted client: its own point-in-time, the hit count check, the release. */
class SearchCursorTest {

  private static final ShardPartition SHARD_3 = new ShardPartition(0, "logs", 3, List.of());
  private static final Settings PAGES_OF_TWO = Settings.of(Map.of("es.scroll.size", "2"));

  private final List<String> calls = new ArrayList<>();

  @Test
  void aShardReadsItsOwnPointInTimeToTheEndAndClosesIt() {
    EsClient client = client(page(4, 1, 2), page(4, 3, 4), page(4));
    try (SearchCursor<RawHit> cursor = SearchCursor.open(client, PAGES_OF_TWO, "logs", QuerySpec.matchAll(), SHARD_3,
        RawHit.DECODER)) {
      List<String> ids = new ArrayList<>();
      cursor.forEachRemaining(hit -> ids.add(hit.metadata().id()));
      assertThat(ids).containsExactly("1", "2", "3", "4");
    }
    assertThat(calls).containsExactly("open [logs] shard 3", "search", "search", "search", "close pit-newest");
  }

  @Test
  void aShardThatRunsOutBeforeItsCountFailsAndStillClosesItsPointInTime() {
    EsClient client = client(page(5, 1, 2), page(5, 4));
    SearchCursor<RawHit> cursor = SearchCursor.open(client, PAGES_OF_TWO, "logs", QuerySpec.matchAll(), SHARD_3,
        RawHit.DECODER);
    try (cursor) {
      assertThatThrownBy(() -> cursor.forEachRemaining(hit -> { }))
          .isInstanceOf(SearchbridgeException.class)
          .hasMessageStartingWith("reading [logs] shard 3 received 3 hit(s), but its point-in-time holds 5;");
    }
    assertThat(calls).endsWith("close pit-newest");
  }

  @Test
  void aLimitThatStopsThePartitionEarlyIsNoShortfall() {
    EsClient client = client(page(5, 1, 2), page(5, 3));
    try (SearchCursor<RawHit> cursor = SearchCursor.open(client, PAGES_OF_TWO, "logs", QuerySpec.matchAll().withLimit(3),
        SHARD_3, RawHit.DECODER)) {
      List<RawHit> hits = new ArrayList<>();
      cursor.forEachRemaining(hits::add);
      assertThat(hits).hasSize(3);
    }
  }

  @Test
  void aContextLostWithItsNodeNamesTheNode() {
    EsRequestException lost = new EsRequestException("search /_search failed: HTTP 404"
        + " search_context_missing_nodes_exception: Search context of type [point in time] references nodes that have"
        + " left the cluster: [JQ75NASHRTyYTL2jEiOamw]", 404, "search_context_missing_nodes_exception", null);

    RuntimeException explained = SearchCursor.explain("reading [idx] shard 2", lost);

    assertThat(explained).hasMessageStartingWith("reading [idx] shard 2 failed: a node holding its point-in-time left"
        + " the cluster").hasMessageContaining("[JQ75NASHRTyYTL2jEiOamw]").hasCause(lost);
    assertThat(explained.getMessage()).doesNotContain("es.scroll.keepalive");
  }

  @Test
  void anExpiredContextNamesTheSettingToRaise() {
    EsRequestException expired = new EsRequestException("search failed: HTTP 404 search_context_missing_exception",
        404, "search_context_missing_exception", null);
    assertThat(SearchCursor.explain("reading [idx] shard 2", expired))
        .hasMessageContaining("expired between two pages; raise es.scroll.keepalive");
  }

  @Test
  void aShardWithNoCopyLeftNamesTheShardAndTheLostNode() {
    EsRequestException gone = new EsRequestException("search /_search failed: HTTP 503"
        + " no_shard_available_action_exception", 503, "no_shard_available_action_exception", null);
    assertThat(SearchCursor.explain("reading [idx] shard 2", gone))
        .hasMessageStartingWith("reading [idx] shard 2 failed: no copy of its shard could answer")
        .hasMessageContaining("its node left the cluster").hasCause(gone);
  }

  @Test
  void otherFailuresPassUnchanged() {
    EsRequestException busy = new EsRequestException("search failed: HTTP 503", 503, "", null);
    assertThat(SearchCursor.explain("reading [idx] shard 2", busy)).isSameAs(busy);
  }

  /** A search answer of a shard holding {@code total} hits, with the hits of the given ids. */
  private static String page(long total, int... ids) {
    StringBuilder hits = new StringBuilder();
    for (int id : ids) {
      hits.append(hits.length() == 0 ? "" : ",").append("{\"_index\":\"logs\",\"_id\":\"").append(id)
          .append("\",\"_source\":{\"n\":").append(id).append("},\"sort\":[").append(id).append("]}");
    }
    return "{\"pit_id\":\"pit-newest\",\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},"
        + "\"hits\":{\"total\":{\"value\":" + total + ",\"relation\":\"eq\"},\"hits\":[" + hits + "]}}";
  }

  /** A client that opens and closes point-in-times on paper and answers searches with {@code pages}, in order. */
  private EsClient client(String... pages) {
    Deque<String> answers = new ArrayDeque<>(List.of(pages));
    ConnectorMetrics metrics = new ConnectorMetrics();
    return (EsClient) Proxy.newProxyInstance(EsClient.class.getClassLoader(), new Class<?>[] {EsClient.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "openPointInTime" -> {
            calls.add("open [" + args[0] + "] shard " + ((Optional<?>) args[2]).orElseThrow());
            yield "pit-opened";
          }
          case "closePointInTime" -> {
            calls.add("close " + args[0]);
            yield null;
          }
          case "search" -> {
            calls.add("search");
            byte[] answer = answers.removeFirst().getBytes(StandardCharsets.UTF_8);
            yield ((ResponseReader<?>) args[2]).read(new ByteArrayInputStream(answer));
          }
          case "metrics" -> metrics;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
