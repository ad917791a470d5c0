package io.searchbridge.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void refusedConnectionPointsAtTheNodes() {
    EsRequestException mapped = ErrorMapper.map("bulk request", new ConnectException("Connection refused"));
    assertThat(mapped.status()).isZero();
    assertThat(mapped).hasMessageContaining("no Elasticsearch node could be reached").hasMessageContaining("es.nodes");
  }

  /** The low-level client wraps the TLS failure in a plain IOException; the cause still decides. */
  @Test
  void certificateForAnotherHostPointsAtHostnameVerification() {
    IOException wrapped = new IOException("Certificate for <127.0.0.2> doesn't match",
        new SSLPeerUnverifiedException("Certificate for <127.0.0.2> doesn't match"));
    assertThat(ErrorMapper.map("search", wrapped)).hasMessageContaining("127.0.0.2")
        .hasMessageContaining("es.net.ssl.hostname.verification");
  }

  @Test
  void untrustedCertificatePointsAtTheCaSettings() {
    assertThat(ErrorMapper.map("search", new SSLHandshakeException("PKIX path building failed")))
        .hasMessageContaining("es.net.ssl.ca.location").hasMessageContaining("es.net.ssl.truststore.location");
  }
}
