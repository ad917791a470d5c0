package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SearchCursor;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.FaultServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.TcpProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nodes that are dead, cut answers off in the middle or hang, put in front of a live one through
 * a loopback proxy; a page whose answer is lost after the server sent it; and a point-in-time
 * that expires between two pages.
 */
@ExtendWith(ElasticsearchExtension.class)
class ConnectionFaultsIT {

  private static final int DOCUMENTS = 3000;

  @Test
  void readsAndWritesFailOverPastADeadNodeAndOneThatCutsAnswers(ElasticsearchServer server) throws IOException {
    try (TcpProxy cutting = TcpProxy.start("127.0.0.1", server.host(), server.port()).cutResponsesAfter(600)) {
      String nodes = "127.0.0.1:" + closedPort() + "," + cutting.host() + ":" + cutting.port() + "," + server.host()
          + ":" + server.port();
      assertWriteAndReadFinish(server, nodes, Map.of());
      assertThat(cutting.connectionsCut()).as("answers cut off by the proxy").isPositive();
    }
  }

  @Test
  void aHangingNodeTimesOutAndTheNextNodeAnswers(ElasticsearchServer server) {
    try (TcpProxy hanging = TcpProxy.start("127.0.0.1", server.host(), server.port()).stall()) {
      String nodes = hanging.host() + ":" + hanging.port() + "," + server.host() + ":" + server.port();
      assertWriteAndReadFinish(server, nodes, Map.of("es.http.timeout", "2s"));
    }
  }

  private static void assertWriteAndReadFinish(ElasticsearchServer server, String nodes, Map<String, String> extra) {
    Map<String, String> map = new HashMap<>(extra);
    map.put("es.nodes", nodes);
    map.put("es.nodes.discovery", "false");
    map.put("es.http.retry.wait", "50ms");
    map.put("es.batch.size.entries", "500");
    Settings settings = Settings.of(map);
    String index = server.uniqueIndex("failover");
    try (EsClient client = client(settings)) {
      // ids make a bulk re-sent after a cut answer idempotent: it may have been applied already
      CoreFixtures.writeNumbered(client, settings, index, DOCUMENTS);
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(DOCUMENTS);
      assertThat(client.metrics().get(Counter.NODE_FAILURES)).isPositive();
    }
    assertThat(new RestCalls(server).count(index)).isEqualTo(DOCUMENTS);
  }

  /**
   * The server answers the second page, the proxy drops that answer, the client asks again. A
   * scroll would have moved on and answered the third page, so the partition would end short
   * without an error; a page of a point-in-time is asked for by its position and comes back the same.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pit", "shard"})
  void aPageWhoseAnswerWasLostIsAskedForAgainNotSkipped(String strategy, ElasticsearchServer server) {
    String index = server.uniqueIndex("lost-page");
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", server.host(), server.port())) {
      Settings settings = CoreFixtures.settings(server, "es.nodes", proxy.host() + ":" + proxy.port(),
          "es.nodes.discovery", "false", "es.http.retry.wait", "50ms", "es.scroll.size", "10",
          "es.read.partition.strategy", strategy);
      try (EsClient client = client(settings)) {
        CoreFixtures.writeNumbered(client, settings, index, 50);
        PartitionPlanner planner = new PartitionPlanner(client, settings);
        ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
        List<String> ids = new ArrayList<>();
        try (SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, plan.resource(), plan.query(),
            plan.partitions().get(0), RawHit.DECODER)) {
          for (int i = 0; i < 10; i++) {
            ids.add(cursor.next().metadata().id());
          }
          // The first page is in; the next search request is the second page, whatever API it uses.
          proxy.dropAnswerTo("POST /_search", 1);
          cursor.forEachRemaining(hit -> ids.add(hit.metadata().id()));
        } finally {
          planner.release(plan);
        }
        assertThat(proxy.answersDropped()).as("answers the proxy dropped").isEqualTo(1);
        assertThat(client.metrics().get(Counter.REQUEST_RETRIES)).as("requests retried").isPositive();
        assertThat(ids).as("ids read from [" + index + "] (" + strategy + ")")
            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(n -> "id-" + n).toList());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pit", "shard"})
  void anExpiredPointInTimeSaysSoAndNamesTheKeepAlive(String strategy) throws InterruptedException {
    ElasticsearchServer server = FaultServer.get();
    String index = server.uniqueIndex("expiring");
    // The node reaps expired contexts every second (FaultServer), so a 1 s keep-alive is gone after a 3 s stall.
    Settings settings = CoreFixtures.settings(server, "es.scroll.size", "10", "es.scroll.keepalive", "1s",
        "es.read.partition.strategy", strategy);
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 50);
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try (SearchCursor<RawHit> cursor = SearchCursor.open(client, settings, plan.resource(), plan.query(),
          plan.partitions().get(0), RawHit.DECODER)) {
        for (int i = 0; i < 10; i++) {
          cursor.next();
        }
        Thread.sleep(3000);
        assertThatThrownBy(() -> cursor.forEachRemaining(hit -> { }))
            .isInstanceOf(SearchbridgeException.class)
            .hasMessageContaining("[" + index + "]")
            .hasMessageContaining("expired between two pages")
            .hasMessageContaining("raise es.scroll.keepalive");
      } finally {
        planner.release(plan);
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
