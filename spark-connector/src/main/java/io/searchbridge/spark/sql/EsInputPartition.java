package io.searchbridge.spark.sql;

import io.searchbridge.core.plan.PartitionSpec;
import org.apache.spark.sql.connector.read.InputPartition;

/** A core partition, with its shard hosts as Spark's locality preference. */
record EsInputPartition(PartitionSpec spec) implements InputPartition {

  @Override
  public String[] preferredLocations() {
    return spec.preferredHosts().stream().filter(host -> !host.isEmpty()).distinct().toArray(String[]::new);
  }
}
