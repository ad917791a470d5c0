package io.searchbridge.core.client;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.util.List;

/**
 * The nodes listed in {@code es.nodes} and the one scheme they share. The scheme of the seeds is the
 * scheme of the cluster: nodes found by discovery keep it, so an {@code https://} seed never leads to
 * plain {@code http} requests, whatever {@code es.net.ssl} says.
 */
record SeedNodes(List<NodeAddress> nodes, String scheme) {

  static SeedNodes of(Settings settings) {
    List<NodeAddress> nodes = NodeAddress.parseAll(settings.get(Keys.NODES), settings.get(Keys.PORT),
        settings.get(Keys.NET_SSL));
    List<String> schemes = nodes.stream().map(NodeAddress::scheme).distinct().toList();
    if (schemes.size() > 1) {
      throw new InvalidSettingException(Keys.NODES.key(), Keys.NODES.key() + " mixes http:// and https:// nodes "
          + nodes + "; list every node with one scheme (" + Keys.NET_SSL.key()
          + "=true gives https to entries without one)");
    }
    return new SeedNodes(nodes, schemes.get(0));
  }

  /** Whether requests go over TLS: the seeds say {@code https}, explicitly or through {@code es.net.ssl}. */
  boolean tls() {
    return scheme.equals("https");
  }
}
