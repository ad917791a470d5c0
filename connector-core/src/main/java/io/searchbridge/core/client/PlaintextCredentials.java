package io.searchbridge.core.client;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.util.List;
import org.apache.http.Header;

/**
 * Refuses to send credentials over plain http, where anyone on the path can read them, unless
 * {@code es.net.http.auth.allow.plaintext} says the network is trusted. It looks at the headers the
 * client will really send, so basic auth, API keys, tokens and a raw {@code Authorization} header are
 * all covered.
 */
final class PlaintextCredentials {

  private PlaintextCredentials() {}

  static void check(Settings settings, SeedNodes seeds, List<Header> headers) {
    boolean credentials = headers.stream().anyMatch(header -> header.getName().equalsIgnoreCase("Authorization"));
    if (!credentials || seeds.tls() || settings.get(Keys.NET_HTTP_AUTH_ALLOW_PLAINTEXT)) {
      return;
    }
    String allow = Keys.NET_HTTP_AUTH_ALLOW_PLAINTEXT.key();
    throw new InvalidSettingException(allow, "refusing to send credentials (es.net.http.auth.* or an Authorization"
        + " header) over plain http to " + seeds.nodes() + ": set " + Keys.NET_SSL.key() + "=true or list https://"
        + " nodes in " + Keys.NODES.key() + ", or set " + allow + "=true if the network between the job and"
        + " Elasticsearch is trusted");
  }
}
