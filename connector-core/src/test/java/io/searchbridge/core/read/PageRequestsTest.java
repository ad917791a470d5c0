package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.plan.PitSlicePartition;
import io.searchbridge.core.query.QuerySpec;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestsTest {

  private static final QuerySpec QUERY = new QuerySpec("{\"term\":{\"k\":\"v\"}}", List.of("a", "b.*"), List.of("b.secret"), -1);

  private static String body(PageRequests.PageRequest request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  @Test
  void firstPitPageOfASlice() {
    var requests = PitPageRequests.slice(new PitSlicePartition(3, "pit-1", 3, 8, List.of()), QUERY, Duration.ofMinutes(5));
    PageRequests.PageRequest first = requests.first(500);
    assertThat(first.path()).isEqualTo("/_search");
    assertThat(body(first)).isEqualTo("{\"size\":500,\"query\":{\"term\":{\"k\":\"v\"}},"
        + "\"_source\":{\"includes\":[\"a\",\"b.*\"],\"excludes\":[\"b.secret\"]},\"track_total_hits\":true,"
        + "\"pit\":{\"id\":\"pit-1\",\"keep_alive\":\"300000ms\"},\"sort\":[\"_shard_doc\"],\"slice\":{\"id\":3,\"max\":8}}");
  }

  @Test
  void nextPitPageUsesTheNewestIdAndSearchAfter() {
    var requests = PitPageRequests.slice(new PitSlicePartition(0, "pit-1", 0, 1, List.of()), QuerySpec.matchAll(),
        Duration.ofSeconds(30));
    var previous = new SearchPage<>(List.of(), List.<Object>of(12L, 99), "pit-2");
    assertThat(body(requests.next(previous, 10))).isEqualTo("{\"size\":10,\"query\":{\"match_all\":{}},"
        + "\"track_total_hits\":false,\"pit\":{\"id\":\"pit-2\",\"keep_alive\":\"30000ms\"},\"sort\":[\"_shard_doc\"],"
        + "\"search_after\":[12,99]}");
  }

  @Test
  void scoresAreTrackedWhenAsked() {
    var requests = PitPageRequests.slice(new PitSlicePartition(0, "pit-1", 0, 1, List.of()),
        QuerySpec.matchAll().withScores(true).withLimit(5), Duration.ofSeconds(30));
    assertThat(body(requests.first(10))).isEqualTo("{\"size\":10,\"query\":{\"match_all\":{}},\"track_scores\":true,"
        + "\"track_total_hits\":true,\"pit\":{\"id\":\"pit-1\",\"keep_alive\":\"30000ms\"},\"sort\":[\"_shard_doc\"]}");
  }

  @Test
  void onlyTheFirstPageCountsHits() {
    var requests = PitPageRequests.slice(new PitSlicePartition(0, "pit-1", 0, 1, List.of()), QuerySpec.matchAll(),
        Duration.ofSeconds(30));
    assertThat(body(requests.first(10))).contains("\"track_total_hits\":true");
    var previous = new SearchPage<>(List.of(), List.<Object>of(12L), "pit-1");
    assertThat(body(requests.next(previous, 10))).contains("\"track_total_hits\":false");
  }

  @Test
  void sortedPagesEndWithTheShardDocTiebreaker() {
    QuerySpec sorted = new QuerySpec(QuerySpec.MATCH_ALL, List.of(), List.of(), 5,
        "[{\"n\":{\"order\":\"desc\",\"missing\":\"_last\"}}]", false);
    var requests = PitPageRequests.slice(new PitSlicePartition(0, "pit-1", 0, 1, List.of()), sorted, Duration.ofMinutes(1));
    assertThat(body(requests.first(5))).isEqualTo("{\"size\":5,\"query\":{\"match_all\":{}},\"track_total_hits\":true,"
        + "\"pit\":{\"id\":\"pit-1\",\"keep_alive\":\"60000ms\"},"
        + "\"sort\":[{\"n\":{\"order\":\"desc\",\"missing\":\"_last\"}},\"_shard_doc\"]}");
  }

  @Test
  void anOwnedPointInTimeIsPagedWholeAndClosedUnderItsNewestId() {
    var requests = PitPageRequests.owned("pit-1", QuerySpec.matchAll(), Duration.ofMinutes(1));
    assertThat(body(requests.first(1000))).isEqualTo("{\"size\":1000,\"query\":{\"match_all\":{}},"
        + "\"track_total_hits\":true,\"pit\":{\"id\":\"pit-1\",\"keep_alive\":\"60000ms\"},\"sort\":[\"_shard_doc\"]}");
    List<String> closed = new ArrayList<>();
    requests.release(closingClient(closed), new SearchPage<>(List.of(), List.of(7L), "pit-2"));
    requests.release(closingClient(closed), null);
    assertThat(closed).containsExactly("pit-2", "pit-1");
  }

  @Test
  void aSliceOfTheSharedPointInTimeClosesNothing() {
    var requests = PitPageRequests.slice(new PitSlicePartition(0, "pit-1", 0, 2, List.of()), QuerySpec.matchAll(),
        Duration.ofMinutes(1));
    List<String> closed = new ArrayList<>();
    requests.release(closingClient(closed), new SearchPage<>(List.of(), List.of(7L), "pit-2"));
    assertThat(closed).isEmpty();
  }

  /** A client whose only working call records the point-in-times it is asked to close. */
  private static EsClient closingClient(List<String> closed) {
    return (EsClient) Proxy.newProxyInstance(EsClient.class.getClassLoader(), new Class<?>[] {EsClient.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("closePointInTime")) {
            throw new UnsupportedOperationException(method.getName());
          }
          closed.add((String) args[0]);
          return null;
        });
  }
}
