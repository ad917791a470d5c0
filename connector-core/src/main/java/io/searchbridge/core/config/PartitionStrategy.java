package io.searchbridge.core.config;

/** How a read is split into partitions. */
public enum PartitionStrategy {
  /** Point-in-time with {@code search_after}, sliced when a shard is large. */
  POINT_IN_TIME("pit"),
  /** One partition per shard, each reading a point-in-time of that shard that its own task opens. */
  SHARD("shard");

  private final String configName;

  PartitionStrategy(String configName) {
    this.configName = configName;
  }

  /** The name users write in {@code es.read.partition.strategy}. */
  public String configName() {
    return configName;
  }
}
