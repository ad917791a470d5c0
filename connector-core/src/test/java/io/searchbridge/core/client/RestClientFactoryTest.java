package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
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
