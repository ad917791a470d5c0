package io.searchbridge.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.it.support.ElasticsearchServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector against a server with security on: TLS with a certificate generated for the run
 * (hostname verification stays on: the certificate names 127.0.0.1), basic auth and API keys.
 * One secure server for the class, because each start costs half a minute.
 *
 * <p>API keys are not exercised here: creating one needs the {@code .security} index, whose
 * mapping uses analysis-common, a module this test distribution lacks. The header the connector
 * sends for {@code es.net.http.auth.apikey} is checked by {@code RestClientFactoryTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureClientIT {

  private ElasticsearchServer secure;

  @BeforeAll
  void start() {
    secure = ElasticsearchServer.start("it-secure", "--secure", "--heap", "512m");
  }

  @AfterAll
  void stop() {
    if (secure != null) {
      secure.stop();
    }
  }

  private Map<String, String> tls() {
    Map<String, String> settings = new HashMap<>();
    settings.put("es.nodes", secure.url());
    settings.put("es.net.ssl", "true");
    settings.put("es.net.ssl.ca.location", secure.caCertificate().toString());
    return settings;
  }

  private Map<String, String> basicAuth() {
    Map<String, String> settings = tls();
    settings.put("es.net.http.auth.user", secure.user());
    settings.put("es.net.http.auth.pass", secure.password());
    return settings;
  }

  @Test
  void launcherServerRefusesAnonymousRequests() throws Exception {
    HttpResponse<String> anonymous = HttpClient.newBuilder().sslContext(secure.sslContext()).build()
        .send(HttpRequest.newBuilder(URI.create(secure.url() + "/_cluster/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void basicAuthOverTlsWritesAndReads() {
    Settings settings = Settings.of(basicAuth());
    String index = secure.uniqueIndex("secure");
    try (EsClient client = CoreFixtures.client(settings)) {
      assertThat(client.nodes()).allSatisfy(node -> assertThat(node.scheme()).isEqualTo("https"));
      CoreFixtures.writeNumbered(client, settings, index, 500);
      PartitionPlanner planner = new PartitionPlanner(client, settings);
      ReadPlan plan = planner.plan(index, QuerySpec.matchAll());
      try {
        assertThat(CoreFixtures.readAll(client, settings, plan)).hasSize(500);
      } finally {
        planner.release(plan);
      }
    }
  }

  @Test
  void truststoreWorksLikeACaFile() {
    Map<String, String> map = basicAuth();
    map.remove("es.net.ssl.ca.location");
    map.put("es.net.ssl.truststore.location", secure.truststore().toString());
    map.put("es.net.ssl.truststore.pass", secure.truststorePassword());
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThat(client.serverVersion()).startsWith("8.19.");
    }
  }

  @Test
  void wrongPasswordIsAClearErrorThatDoesNotLeakIt() {
    Map<String, String> map = basicAuth();
    map.put("es.net.http.auth.pass", "not-the-password-4711");
    map.put("es.nodes.discovery", "false");
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThatThrownBy(client::serverVersion)
          .isInstanceOfSatisfying(EsRequestException.class, e -> assertThat(e.status()).isEqualTo(401))
          .hasMessageContaining("check es.net.http.auth")
          .hasMessageNotContaining("not-the-password-4711");
    }
  }

  @Test
  void untrustedCertificateFailsTheConnection() {
    Map<String, String> map = basicAuth();
    map.remove("es.net.ssl.ca.location");
    map.put("es.nodes.discovery", "false");
    map.put("es.http.retries", "0");
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThatThrownBy(client::serverVersion)
          .isInstanceOf(EsRequestException.class)
          .hasMessageContaining("es.net.ssl");
    }
  }
}
