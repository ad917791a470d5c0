package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaintextCredentialsTest {

  private static void check(Map<String, String> raw) {
    Settings settings = Settings.of(raw);
    PlaintextCredentials.check(settings, SeedNodes.of(settings),
        RestClientFactory.headers(settings, Secrets.of(settings), "job"));
  }

  private static Map<String, String> withCredential(String credential, String nodes) {
    Map<String, String> raw = new HashMap<>(Map.of("es.nodes", nodes));
    switch (credential) {
      case "basic" -> raw.putAll(Map.of("es.net.http.auth.user", "u", "es.net.http.auth.pass", "p"));
      case "apikey" -> raw.put("es.net.http.auth.apikey", "aWQ6a2V5");
      case "token" -> raw.put("es.net.http.auth.token", "tok");
      default -> raw.put("es.net.http.header.authorization", "Bearer tok");
    }
    return raw;
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic", "apikey", "token", "header"})
  void everyCredentialIsRefusedOverHttpNamingTheSettings(String credential) {
    assertThatThrownBy(() -> check(withCredential(credential, "http://es1:9200")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.net.http.auth.allow.plaintext")
        .hasMessageContaining("es.net.ssl")
        .hasMessageNotContaining("tok").hasMessageNotContaining("aWQ6a2V5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic", "apikey", "token", "header"})
  void credentialsTravelOverTls(String credential) {
    assertThatCode(() -> check(withCredential(credential, "https://es1:9200"))).doesNotThrowAnyException();
  }

  @Test
  void theSettingAllowsPlainHttp() {
    Map<String, String> raw = withCredential("basic", "es1");
    raw.put("es.net.http.auth.allow.plaintext", "true");
    assertThatCode(() -> check(raw)).doesNotThrowAnyException();
  }

  @Test
  void noCredentialsNoObjection() {
    assertThatCode(() -> check(Map.of("es.nodes", "es1", "es.net.http.header.X-Tenant", "blue")))
        .doesNotThrowAnyException();
  }
}
