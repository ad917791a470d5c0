package io.searchbridge.core.plan;

import java.util.List;

/**
 * One shard of one index, read with a point-in-time the partition's task opens for that shard
 * alone ({@code preference=_shards:N} when opening it), so the read can run next to the shard's
 * data and never depends on state opened at planning time.
 */
public record ShardPartition(int id, String index, int shard, List<String> preferredHosts) implements PartitionSpec {

  public ShardPartition {
    preferredHosts = List.copyOf(preferredHosts);
  }
}
