package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.PartitionStrategy;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorConfigTest {

  private static final Map<String, String> BASE = Map.of(
      "es.nodes", "http://primary:9200",
      "es.net.http.auth.user", "reader",
      "es.batch.size.entries", "500",
      "es.ingest.pipeline", "enrich",
      "es.read.partition.strategy", "shard",
      "es.mirror.indexes", "orders, logs-*",
      "es.mirror.marker.field", "updated_at",
      "es.mirror.standby.nodes", "http://standby:9200",
      "es.mirror.standby.net.http.auth.user", "writer");

  @Test
  void standbyInheritsThePrimarysSettingsAndOverridesItsOwn() {
    MirrorConfig config = MirrorConfig.from(Settings.of(BASE));

    assertThat(config.indexes()).containsExactly("orders", "logs-*");
    assertThat(config.markerField()).contains("updated_at");
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.standby().get(Keys.NODES)).containsExactly("http://standby:9200");
    assertThat(config.standby().get(Keys.NET_HTTP_AUTH_USER)).contains("writer");
    assertThat(config.standby().get(Keys.BATCH_SIZE_ENTRIES)).isEqualTo(500);
    assertThat(config.standby().get(Keys.WRITE_OPERATION)).isEqualTo(WriteOperation.INDEX);
    assertThat(config.standby().get(Keys.INGEST_PIPELINE)).isEmpty();
    assertThat(config.standby().byPrefix(Keys.MIRROR_STANDBY.key())).isEmpty();
    assertThat(config.primary().get(Keys.NODES)).containsExactly("http://primary:9200");
    assertThat(config.primary().get(Keys.NET_HTTP_AUTH_USER)).contains("reader");
  }

  @Test
  void primaryReadsThroughOnePointInTimeEvenWhenShardsWereAskedFor() {
    MirrorConfig config = MirrorConfig.from(Settings.of(BASE));

    assertThat(config.primary().get(Keys.READ_PARTITION_STRATEGY)).isEqualTo(PartitionStrategy.POINT_IN_TIME);
  }

  @Test
  void noIndexesIsAnErrorNamingTheSetting() {
    Map<String, String> raw = new java.util.HashMap<>(BASE);
    raw.remove("es.mirror.indexes");

    assertThatThrownBy(() -> MirrorConfig.from(Settings.of(raw)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.mirror.indexes");
  }

  @Test
  void noStandbyNodesIsAnErrorRatherThanAMirrorOntoThePrimary() {
    Map<String, String> raw = new java.util.HashMap<>(BASE);
    raw.remove("es.mirror.standby.nodes");

    assertThatThrownBy(() -> MirrorConfig.from(Settings.of(raw)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.mirror.standby.nodes");
  }

  @Test
  void markerIsOptional() {
    Map<String, String> raw = new java.util.HashMap<>(BASE);
    raw.remove("es.mirror.marker.field");

    assertThat(MirrorConfig.from(Settings.of(raw)).markerField()).isEqualTo(Optional.empty());
    assertThat(MirrorConfig.from(Settings.of(raw)).indexes()).isEqualTo(List.of("orders", "logs-*"));
  }
}
