package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void byPrefixStripsThePrefixAndIgnoresNeighbours() {
    Settings settings =
        Settings.of(
            Map.of(
                "es.net.http.header.Authorization", "ApiKey abc",
                "es.net.http.header.X-Opaque-Id", "job-42",
                "es.net.http.headers", "typo",
                "es.net.http.auth.user", "elastic"));

    assertThat(settings.byPrefix(Keys.NET_HTTP_HEADER.key()))
        .containsExactly(Map.entry("Authorization", "ApiKey abc"), Map.entry("X-Opaque-Id", "job-42"));
    assertThat(settings.unknownKeys()).containsExactly("es.net.http.headers");
  }

  @Test
  void prefixKeysAreFoundInTheRegistryButCannotBeReadWithGet() {
    assertThat(Keys.find("es.net.http.header.X-Opaque-Id")).contains(Keys.NET_HTTP_HEADER);
    assertThat(Keys.find("es.port")).contains(Keys.PORT);
    assertThat(Keys.find("es.port.number")).isEmpty();
    assertThatThrownBy(() -> Settings.empty().get(Keys.NET_HTTP_HEADER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byPrefix");
  }

  @Test
  void readAndWriteResourcesPreferTheirOwnKeyOverEsResource() {
    Settings shared = Settings.of(Map.of("es.resource", "logs"));
    Settings split = shared.with("es.resource.read", "logs-*").with("es.resource.write", "logs-new");

    assertThat(shared.readResource()).contains("logs");
    assertThat(shared.writeResource()).contains("logs");
    assertThat(split.readResource()).contains("logs-*");
    assertThat(split.writeResource()).contains("logs-new");
    assertThat(Settings.of(Map.of("es.resource.read", "only-read")).writeResource()).isEmpty();
    assertThat(Settings.of(Map.of("es.resource.write", " ", "es.resource", "logs")).writeResource())
        .as("a blank value counts as unset")
        .contains("logs");
  }

  @Test
  void wanOnlyTurnsDiscoveryOff() {
    assertThat(Settings.empty().discoveryEnabled()).isTrue();
    assertThat(Settings.of(Map.of("es.nodes.wan.only", "true")).discoveryEnabled()).isFalse();
    assertThat(Settings.of(Map.of("es.nodes.discovery", "false")).discoveryEnabled()).isFalse();
    assertThat(Settings.of(Map.of("es.nodes.discovery", "true", "es.nodes.wan.only", "true")).discoveryEnabled())
        .isFalse();
  }

  @Test
  void withDefaultsFillsOnlyUnsetKeys() {
    Settings settings =
        Settings.of(Map.of("es.nodes", "es1")).withDefaults(Map.of("es.nodes", "es2", "es.port", "9243"));

    assertThat(settings.get(Keys.NODES)).containsExactly("es1");
    assertThat(settings.get(Keys.PORT)).isEqualTo(9243);
  }

  @Test
  void isImmutable() {
    Map<String, String> source = new HashMap<>(Map.of("es.port", "9201"));
    Settings settings = Settings.of(source);
    source.put("es.port", "9300");

    assertThat(settings.get(Keys.PORT)).isEqualTo(9201);
    assertThatThrownBy(() -> settings.asMap().put("es.port", "1")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> settings.byPrefix("es.").clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullValuesMeanUnset() {
    Map<String, String> source = new HashMap<>();
    source.put("es.port", null);

    assertThat(Settings.of(source).raw("es.port")).isEqualTo(Optional.empty());
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    Settings original =
        Settings.of(Map.of("es.nodes", "a,b", "es.net.http.auth.pass", "pw", "es.net.http.header.X-A", "1"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    Settings copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Settings) in.readObject();
    }

    assertThat(copy).isEqualTo(original).isNotSameAs(original);
    assertThat(copy.get(Keys.NODES)).containsExactly("a", "b");
    assertThat(copy.get(Keys.NET_HTTP_AUTH_PASS)).contains("pw");
    assertThat(copy.byPrefix("es.net.http.header.")).containsExactly(Map.entry("X-A", "1"));
  }
}
