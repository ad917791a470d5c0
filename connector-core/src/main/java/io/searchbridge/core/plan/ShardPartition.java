package io.searchbridge.core.plan;

import java.util.List;

/**
 * One shard of one index, read with a scroll pinned to that shard ({@code preference=_shards:N}),
 * so the read can run next to the shard's data. A point-in-time cannot target one shard.
 */
public record ShardPartition(int id, String index, int shard, List<String> preferredHosts) implements PartitionSpec {

  public ShardPartition {
    preferredHosts = List.copyOf(preferredHosts);
  }
}
