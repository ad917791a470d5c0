package io.searchbridge.core.client;

import java.io.Serializable;

/**
 * One copy of a shard and the host of the node that holds it (for locality hints). A copy that is
 * not {@code started} (unassigned, initializing) cannot serve reads; a shard without any started
 * copy is what makes an index red.
 */
public record ShardCopy(String index, int shard, boolean primary, String nodeId, String host, boolean started)
    implements Serializable {

  /** A shard no node holds; Elasticsearch does not say which one it is, so index and number are unknown. */
  public static ShardCopy unassigned() {
    return new ShardCopy("", -1, true, null, "", false);
  }
}
