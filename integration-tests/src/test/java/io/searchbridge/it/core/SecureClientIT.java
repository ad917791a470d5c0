package io.searchbridge.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.SecureServer;
import io.searchbridge.it.support.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector against a server with security on: TLS with a certificate generated for the run
 * (hostname verification stays on: the certificate names 127.0.0.1 and localhost), basic auth,
 * bearer tokens (as a setting and as a raw Authorization header).
 *
 * <p>API keys are not exercised here: creating one needs the {@code .security} index, whose
 * mapping uses analysis-common, a module this test distribution lacks ("Unknown filter type
 * [pattern_capture]"). The header the connector sends for {@code es.net.http.auth.apikey} and for
 * {@code es.net.http.header.Authorization} is checked by {@code RestClientFactoryTest}; the raw
 * header itself is checked here with a bearer token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureClientIT {

  private ElasticsearchServer secure;

  @BeforeAll
  void start() {
    secure = SecureServer.get();
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
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(500);
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

  @Test
  void bearerTokenWritesAndReads() {
    Map<String, String> map = tls();
    map.put("es.net.http.auth.token", SecureServer.bearerToken());
    Settings settings = Settings.of(map);
    String index = secure.uniqueIndex("bearer");
    try (EsClient client = CoreFixtures.client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 100);
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(100);
    }
  }

  @Test
  void rawAuthorizationHeaderIsSentAsGiven() {
    Map<String, String> map = tls();
    map.put("es.net.http.header.Authorization", "Bearer " + SecureServer.bearerToken());
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThat(client.serverVersion()).startsWith("8.19.");
    }
  }

  /** 127.0.0.2 is loopback too, but the certificate names only 127.0.0.1 and localhost. */
  @Test
  void hostnameVerificationIsOnByDefaultAndCanBeTurnedOff() {
    try (TcpProxy otherName = TcpProxy.start("127.0.0.2", secure.host(), secure.port())) {
      Map<String, String> map = basicAuth();
      map.put("es.nodes", "https://" + otherName.host() + ":" + otherName.port());
      map.put("es.nodes.discovery", "false");
      map.put("es.http.retries", "0");
      try (EsClient client = CoreFixtures.client(Settings.of(map))) {
        assertThatThrownBy(client::serverVersion)
            .isInstanceOf(EsRequestException.class)
            .hasMessageContaining("127.0.0.2")
            .hasMessageContaining("es.net.ssl.hostname.verification");
      }
      map.put("es.net.ssl.hostname.verification", "false");
      try (EsClient client = CoreFixtures.client(Settings.of(map))) {
        assertThat(client.serverVersion()).startsWith("8.19.");
      }
    }
  }
}
