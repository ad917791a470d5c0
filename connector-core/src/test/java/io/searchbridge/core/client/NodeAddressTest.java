package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAddressTest {

  @Test
  void bareHostTakesDefaultPortAndSchemeFromSsl() {
    assertThat(NodeAddress.parse("es1", 9200, false)).isEqualTo(new NodeAddress("http", "es1", 9200));
    assertThat(NodeAddress.parse("es1", 9243, true)).isEqualTo(new NodeAddress("https", "es1", 9243));
  }

  @Test
  void explicitPortAndSchemeWin() {
    assertThat(NodeAddress.parse(" es1:9201 ", 9200, false)).isEqualTo(new NodeAddress("http", "es1", 9201));
    assertThat(NodeAddress.parse("https://es1:443", 9200, false)).isEqualTo(new NodeAddress("https", "es1", 443));
    assertThat(NodeAddress.parse("[::1]:9300", 9200, false)).isEqualTo(new NodeAddress("http", "[::1]", 9300));
  }

  @Test
  void badEntriesNameTheSetting() {
    assertThatThrownBy(() -> NodeAddress.parse("ftp://es1", 9200, false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.nodes entry 'ftp://es1'")
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> NodeAddress.parseAll(List.of(), 9200, false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.nodes is empty");
  }

  @Test
  void publishAddressesInBothForms() {
    assertThat(NodeAddress.fromPublishAddress("127.0.0.1:19200", "http")).isEqualTo(new NodeAddress("http", "127.0.0.1", 19200));
    assertThat(NodeAddress.fromPublishAddress("node-1.local/10.1.2.3:9200", "https"))
        .isEqualTo(new NodeAddress("https", "10.1.2.3", 9200));
    assertThat(NodeAddress.fromPublishAddress("[::1]:9200", "http")).isEqualTo(new NodeAddress("http", "::1", 9200));
  }

  @Test
  void printsAsUrl() {
    assertThat(new NodeAddress("http", "::1", 9200)).hasToString("http://[::1]:9200");
    assertThat(new NodeAddress("https", "es1", 9243)).hasToString("https://es1:9243");
  }
}
