package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.Header;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

class RestClientFactoryTest {

  private static Map<String, String> headers(Map<String, String> settings) {
    Settings given = Settings.of(settings);
    List<Header> headers = RestClientFactory.headers(given, Secrets.of(given), "job-1/task-2");
    Map<String, String> byName = new LinkedHashMap<>();
    headers.forEach(h -> byName.put(h.getName(), h.getValue()));
    return byName;
  }

  @Test
  void eachCallTriesOneNodeSoThatFailingOverIsTheRetriersAlone() throws IOException {
    List<String> deadNodes = List.of("127.0.0.1:" + closedPort(), "127.0.0.1:" + closedPort(), "127.0.0.1:" + closedPort());
    AtomicInteger failedAttempts = new AtomicInteger();
    Settings settings = Settings.of(Map.of("es.nodes", String.join(",", deadNodes)));
    try (RestClient rest = RestClientFactory.build(settings, SeedNodes.of(settings), "job-1", new RestClient.FailureListener() {
          @Override
          public void onFailure(Node node) {
            failedAttempts.incrementAndGet();
          }
        })) {
      assertThatThrownBy(() -> rest.performRequest(new Request("GET", "/_cluster/health"))).isInstanceOf(IOException.class);
    }
    assertThat(failedAttempts).hasValue(1);
  }

  @Test
  void successiveCallsTakeTheNodesInTurn() throws IOException {
    List<HttpServer> servers = new ArrayList<>();
    List<AtomicInteger> hits = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger count = new AtomicInteger();
        server.createContext("/", exchange -> {
          count.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
        server.start();
        servers.add(server);
        hits.add(count);
      }
      String nodes = String.join(",", servers.stream().map(s -> "127.0.0.1:" + s.getAddress().getPort()).toList());
      Settings settings = Settings.of(Map.of("es.nodes", nodes));
      try (RestClient rest = RestClientFactory.build(settings, SeedNodes.of(settings), "job-1",
          new RestClient.FailureListener())) {
        for (int call = 0; call < 6; call++) {
          rest.performRequest(new Request("GET", "/_cluster/health"));
        }
      }
    } finally {
      servers.forEach(server -> server.stop(0));
    }
    assertThat(hits).extracting(AtomicInteger::get).containsExactly(2, 2, 2);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void opaqueIdOnEveryRequest() {
    assertThat(headers(Map.of())).containsExactly(Map.entry("X-Opaque-Id", "job-1/task-2"));
  }

  @Test
  void basicAuth() {
    assertThat(headers(Map.of("es.net.http.auth.user", "elastic", "es.net.http.auth.pass", "s3cret")))
        .containsEntry("Authorization", "Basic ZWxhc3RpYzpzM2NyZXQ=");
  }

  @Test
  void apiKeyAndBearerToken() {
    assertThat(headers(Map.of("es.net.http.auth.apikey", "aWQ6a2V5"))).containsEntry("Authorization", "ApiKey aWQ6a2V5");
    assertThat(headers(Map.of("es.net.http.auth.token", "tok"))).containsEntry("Authorization", "Bearer tok");
  }

  @Test
  void customHeadersPassThrough() {
    assertThat(headers(Map.of("es.net.http.header.X-Tenant", "blue", "es.net.http.header.Authorization", "ApiKey abc")))
        .containsEntry("X-Tenant", "blue")
        .containsEntry("Authorization", "ApiKey abc");
  }
}
