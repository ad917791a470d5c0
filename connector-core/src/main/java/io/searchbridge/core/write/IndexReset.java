package io.searchbridge.core.write;

import io.searchbridge.core.client.EsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties an index for an overwrite by deleting and re-creating it with its own settings, mappings
 * and aliases. Deleting documents by query would keep aliases, but it needs the reindex module,
 * which many clusters (and minimal distributions) lack; re-creating is one fast, predictable
 * request. Readers see an empty index until the write is done; {@link AliasSwap} avoids that window
 * where the target is an alias.
 */
public final class IndexReset {

  private static final Logger LOG = LoggerFactory.getLogger(IndexReset.class);

  private IndexReset() {}

  /** Empties {@code target} (an index, or the one index behind an alias) if it exists; a missing index is left to be created by the write. */
  public static void reset(EsClient client, String target) {
    if (!client.indexExists(target)) {
      return;
    }
    IndexDefinition index = IndexDefinition.of(client, target);
    client.deleteIndex(index.name());
    client.createIndex(index.name(), index.creationBody(true).toString());
    LOG.info("overwrite: index [{}] re-created empty with its settings, mappings and aliases", index.name());
  }
}
