package io.searchbridge.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The run's one node with security on ({@code es.sh --secure}: TLS with a CA generated for the run,
 * basic auth), shared by the security tests because each start costs half a minute or more. The
 * self-generated trial license and the token service give bearer tokens, which the basic license
 * refuses ("current license is non-compliant for [security tokens]").
 */
public final class SecureServer {

  static final String INSTANCE_NAME = "it-secure";

  private static ElasticsearchServer server;

  private SecureServer() {}

  public static synchronized ElasticsearchServer get() {
    if (server == null) {
      server = ElasticsearchServer.start(INSTANCE_NAME, "--secure", "--heap", "512m",
          "-E", "xpack.license.self_generated.type=trial", "-E", "xpack.security.authc.token.enabled=true");
    }
    return server;
  }

  /** An access token from the token service, for the built-in user (password grant). */
  public static String bearerToken() {
    ElasticsearchServer secure = get();
    String basic = Base64.getEncoder().encodeToString((secure.user() + ":" + secure.password())
        .getBytes(StandardCharsets.UTF_8));
    try {
      String body = new ObjectMapper().writeValueAsString(Map.of("grant_type", "password", "username", secure.user(),
          "password", secure.password()));
      HttpResponse<String> response = HttpClient.newBuilder().sslContext(secure.sslContext()).build().send(
          HttpRequest.newBuilder(URI.create(secure.url() + "/_security/oauth2/token"))
              .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the token service answered " + response.statusCode() + ": " + response.body());
      }
      return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException("cannot get a token from " + secure, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
