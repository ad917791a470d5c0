package io.searchbridge.it.core;

import static io.searchbridge.it.core.CoreFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.NodeAddress;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class FailoverAndSettingsIT {

  @Test
  void deadFirstNodeFailsOverForWritesAndReads(ElasticsearchServer server) throws IOException {
    String nodes = "127.0.0.1:" + closedPort() + "," + server.host() + ":" + server.port();
    Settings settings = Settings.of(Map.of("es.nodes", nodes, "es.nodes.discovery", "false"));
    String index = server.uniqueIndex("failover");
    try (EsClient client = client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 1000);
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        assertThat(CoreFixtures.readAll(client, settings, plan)).hasSize(1000);
      } finally {
        planner.release(plan);
      }
      assertThat(client.metrics().get(Counter.NODE_FAILURES)).isPositive();
    }
  }

  @Test
  void discoveryThroughALiveNodeReplacesADeadSeed(ElasticsearchServer server) throws IOException {
    String nodes = "127.0.0.1:" + closedPort() + "," + server.host() + ":" + server.port();
    Settings settings = Settings.of(Map.of("es.nodes", nodes));
    try (EsClient client = client(settings)) {
      assertThat(client.nodes()).containsExactly(new NodeAddress("http", "127.0.0.1", server.port()));
      assertThat(client.serverVersion()).startsWith("8.19.");
    }
  }

  @Test
  void noReachableNodeIsAClearErrorAfterBoundedRetries() throws IOException {
    Settings settings = Settings.of(Map.of("es.nodes", "127.0.0.1:" + closedPort(), "es.nodes.discovery", "false",
        "es.http.retries", "2", "es.http.retry.wait", "10ms"));
    try (EsClient client = client(settings)) {
      assertThatThrownBy(() -> client.indexExists("anything"))
          .isInstanceOf(EsRequestException.class)
          .hasMessageContaining("no Elasticsearch node could be reached")
          .hasMessageContaining("es.nodes");
      assertThat(client.metrics().get(Counter.REQUEST_RETRIES)).isEqualTo(2);
    }
  }

  @Test
  void badSettingsFailFastNamingTheKey(ElasticsearchServer server) {
    assertThatThrownBy(() -> Settings.of(Map.of("es.nodes", server.url(), "es.batch.size.entries", "lots")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.batch.size.entries")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> Settings.of(Map.of("es.write.operation", "merge")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.write.operation")
        .hasMessageContaining("upsert");
    assertThatThrownBy(() -> client(Settings.of(Map.of("es.nodes", "ftp://" + server.host()))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.nodes entry");
    assertThatThrownBy(() -> client(Settings.of(Map.of("es.nodes", server.url(), "es.net.http.auth.user", "u",
        "es.net.http.auth.apikey", "k"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("set only one of es.net.http.auth.user");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
