package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorArgsTest {

  @Test
  void readsModeFlagsAndSettings() {
    MirrorArgs verify = MirrorArgs.parse(List.of("verify", "--repair", "es.nodes=http://a:9200", "es.query=?q=a=b"));
    assertThat(verify.mode()).isEqualTo("verify");
    assertThat(verify.repair()).isTrue();
    assertThat(verify.settings()).isEqualTo(Map.of("es.nodes", "http://a:9200", "es.query", "?q=a=b"));

    MirrorArgs mirror = MirrorArgs.parse(List.of("mirror", "--once"));
    assertThat(mirror.once()).isTrue();
    assertThat(mirror.repair()).isFalse();
  }

  @Test
  void refusesUnknownModesAndFlagsOfTheOtherMode() {
    assertThatThrownBy(() -> MirrorArgs.parse(List.of())).hasMessageContaining("usage");
    assertThatThrownBy(() -> MirrorArgs.parse(List.of("copy"))).hasMessageContaining("usage");
    assertThatThrownBy(() -> MirrorArgs.parse(List.of("mirror", "--repair"))).hasMessageContaining("'--repair'");
    assertThatThrownBy(() -> MirrorArgs.parse(List.of("verify", "nodes"))).hasMessageContaining("'nodes'");
  }
}
