package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedNodesTest {

  @Test
  void anHttpsEntryMeansTlsWithoutEsNetSsl() {
    SeedNodes seeds = SeedNodes.of(Settings.of(Map.of("es.nodes", "https://es1:9243")));
    assertThat(seeds.scheme()).isEqualTo("https");
    assertThat(seeds.tls()).isTrue();
  }

  @Test
  void esNetSslGivesHttpsToEntriesWithoutAScheme() {
    SeedNodes seeds = SeedNodes.of(Settings.of(Map.of("es.nodes", "es1,es2:9201", "es.net.ssl", "true")));
    assertThat(seeds.nodes()).extracting(NodeAddress::scheme).containsOnly("https");
    assertThat(seeds.tls()).isTrue();
  }

  @Test
  void plainEntriesStayHttp() {
    assertThat(SeedNodes.of(Settings.of(Map.of("es.nodes", "es1"))).tls()).isFalse();
  }

  @Test
  void mixedSchemesAreRefusedNamingEsNodes() {
    assertThatThrownBy(() -> SeedNodes.of(Settings.of(Map.of("es.nodes", "https://es1,http://es2"))))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.nodes"))
        .hasMessageContaining("mixes http:// and https://")
        .hasMessageContaining("es.net.ssl");
  }
}
