package io.searchbridge.core.client;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the low-level {@link RestClient} from settings: nodes, path prefix, timeouts, auth, TLS, compression. */
final class RestClientFactory {

  private RestClientFactory() {}

  static RestClient build(Settings settings, SeedNodes seeds, String opaqueId, RestClient.FailureListener listener) {
    Secrets secrets = Secrets.of(settings);
    List<Header> headers = headers(settings, secrets, opaqueId);
    PlaintextCredentials.check(settings, seeds, headers);
    RestClientBuilder builder =
        RestClient.builder(seeds.nodes().stream().map(NodeAddress::toHttpHost).toArray(HttpHost[]::new));
    String prefix = settings.get(Keys.NODES_PATH_PREFIX);
    if (!prefix.isBlank()) {
      builder.setPathPrefix(prefix);
    }
    int timeout = Math.toIntExact(settings.get(Keys.HTTP_TIMEOUT).toMillis());
    builder.setRequestConfigCallback(config -> config.setConnectTimeout(timeout).setSocketTimeout(timeout));
    builder.setDefaultHeaders(headers.toArray(Header[]::new));
    builder.setCompressionEnabled(settings.get(Keys.HTTP_COMPRESSION));
    builder.setFailureListener(listener);
    builder.setNodeSelector(new OneNodePerAttempt());
    // es.net.ssl=true with http:// seeds still validates es.net.ssl.*: a broken TLS setting must not go unnoticed.
    if (seeds.tls() || settings.get(Keys.NET_SSL)) {
      var context = TlsContexts.build(settings, secrets);
      boolean verifyHost = settings.get(Keys.NET_SSL_HOSTNAME_VERIFICATION);
      builder.setHttpClientConfigCallback(http -> {
        http.setSSLContext(context);
        if (!verifyHost) {
          http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        return http;
      });
    }
    return builder.build();
  }

  /** Headers sent with every request: custom ones, the one auth scheme configured, and the job's opaque id. */
  static List<Header> headers(Settings settings, Secrets secrets, String opaqueId) {
    Map<String, String> headers = new LinkedHashMap<>(secrets.byPrefix(Keys.NET_HTTP_HEADER.key()));
    authorization(settings, secrets).ifPresent(value -> headers.put("Authorization", value));
    headers.put("X-Opaque-Id", opaqueId);
    List<Header> result = new ArrayList<>();
    headers.forEach((name, value) -> result.add(new BasicHeader(name, value)));
    return result;
  }

  private static Optional<String> authorization(Settings settings, Secrets secrets) {
    Optional<String> user = settings.get(Keys.NET_HTTP_AUTH_USER);
    Optional<String> apiKey = secrets.get(Keys.NET_HTTP_AUTH_APIKEY);
    Optional<String> token = secrets.get(Keys.NET_HTTP_AUTH_TOKEN);
    long schemes = (user.isPresent() ? 1 : 0) + (apiKey.isPresent() ? 1 : 0) + (token.isPresent() ? 1 : 0);
    if (schemes > 1) {
      throw new InvalidSettingException("es.net.http.auth",
          "set only one of es.net.http.auth.user (basic), es.net.http.auth.apikey and es.net.http.auth.token");
    }
    if (user.isPresent()) {
      String pass = secrets.get(Keys.NET_HTTP_AUTH_PASS).orElse("");
      String pair = user.get() + ":" + pass;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return apiKey.map(key -> "ApiKey " + key).or(() -> token.map(t -> "Bearer " + t));
  }
}
