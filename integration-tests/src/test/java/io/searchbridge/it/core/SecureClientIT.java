package io.searchbridge.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.SecureServer;
import io.searchbridge.it.support.SharedElasticsearch;
import io.searchbridge.it.support.TcpProxy;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

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

  @TempDir Path dir;

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

  /** es.net.ssl is not set: the https:// seed alone turns TLS on, and discovered nodes keep https. */
  @Test
  void anHttpsSeedWithoutEsNetSslStaysOnTlsAfterDiscovery() {
    Map<String, String> map = basicAuth();
    map.remove("es.net.ssl");
    map.put("es.http.retries", "0");
    Settings settings = Settings.of(map);
    String index = secure.uniqueIndex("https-seed");
    try (EsClient client = CoreFixtures.client(settings)) {
      assertThat(client.nodes()).isNotEmpty().allSatisfy(node -> assertThat(node.scheme()).isEqualTo("https"));
      CoreFixtures.writeNumbered(client, settings, index, 50);
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(50);
    }
  }

  /** The plain server ignores credentials, so only the connector can stop them from crossing the wire. */
  @Test
  void credentialsOverPlainHttpAreRefusedUnlessAllowed() {
    ElasticsearchServer plain = SharedElasticsearch.get();
    Map<String, String> map = new HashMap<>(Map.of("es.nodes", plain.url(), "es.net.http.auth.user", "elastic",
        "es.net.http.auth.pass", "plain-pass-4711"));
    assertThatThrownBy(() -> CoreFixtures.client(Settings.of(map)).close())
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.key()).isEqualTo("es.net.http.auth.allow.plaintext"))
        .hasMessageContaining("es.net.ssl")
        .hasMessageNotContaining("plain-pass-4711");
    Map<String, String> header = new HashMap<>(Map.of("es.nodes", plain.url(),
        "es.net.http.header.Authorization", "Bearer plain-token-4711"));
    assertThatThrownBy(() -> CoreFixtures.client(Settings.of(header)).close())
        .hasMessageContaining("es.net.http.auth.allow.plaintext");

    map.put("es.net.http.auth.allow.plaintext", "true");
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThat(client.serverVersion()).startsWith("8.19.");
    }
  }

  @Test
  void passwordFromAFileAuthenticates() throws Exception {
    Path pass = Files.writeString(dir.resolve("es-pass"), secure.password() + "\n", StandardCharsets.UTF_8);
    Map<String, String> map = basicAuth();
    map.remove("es.net.http.auth.pass");
    map.put("es.net.http.auth.pass.file", pass.toString());
    try (EsClient client = CoreFixtures.client(Settings.of(map))) {
      assertThat(client.serverVersion()).startsWith("8.19.");
    }
  }

  /**
   * A PKCS12 keystore with the password as a secret entry named by its setting, written by the JDK's
   * {@code keytool -importpass} (ES-Hadoop's own tool writes the same kind of entry; see SecretsTest).
   */
  @Test
  void passwordFromAKeystoreAuthenticates() throws Exception {
    Path keystore = dir.resolve("esh.keystore");
    Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-importpass",
        "-alias", "es.net.http.auth.pass", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeme").redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
    keytool.getOutputStream().write((secure.password() + "\n" + secure.password() + "\n")
        .getBytes(StandardCharsets.UTF_8));
    keytool.getOutputStream().close();
    assertThat(keytool.waitFor(1, TimeUnit.MINUTES) && keytool.exitValue() == 0).as("keytool succeeded").isTrue();

    Map<String, String> map = basicAuth();
    map.remove("es.net.http.auth.pass");
    map.put("es.keystore.location", keystore.toString());
    String index = secure.uniqueIndex("keystore");
    Settings settings = Settings.of(map);
    try (EsClient client = CoreFixtures.client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 10);
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(10);
    }
    assertThat(List.of(settings.toString())).noneMatch(text -> text.contains(secure.password()));
  }
}
