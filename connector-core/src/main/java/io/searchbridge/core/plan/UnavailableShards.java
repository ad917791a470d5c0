package io.searchbridge.core.plan;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for shards without a started copy (a red index): reading around them would silently
 * miss their documents, so that needs {@code es.index.read.allow.red.status}.
 */
final class UnavailableShards {

  private static final Logger LOG = LoggerFactory.getLogger(UnavailableShards.class);

  private UnavailableShards() {}

  /** @param shards {@code index/shard} of each shard no node serves; returns normally when empty or allowed */
  static void failUnlessAllowed(Settings settings, String resource, List<String> shards) {
    if (shards.isEmpty()) {
      return;
    }
    if (settings.get(Keys.INDEX_READ_ALLOW_RED_STATUS)) {
      LOG.warn("[{}] is red: shard(s) {} have no started copy and are skipped (es.index.read.allow.red.status);"
          + " their documents are not read", resource, shards);
      return;
    }
    throw new SearchbridgeException("[" + resource + "] is red: shard(s) " + shards + " have no started copy, so a"
        + " read would miss their documents; wait until the cluster allocates them (GET _cluster/allocation/explain"
        + " says why it does not) or set es.index.read.allow.red.status=true to read only the available shards");
  }
}
