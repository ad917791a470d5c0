package io.searchbridge.core.plan;

import io.searchbridge.core.query.QuerySpec;
import java.util.List;
import java.util.Optional;

/**
 * A planned read: its partitions, and the point-in-time they share (if any), which the planner
 * releases when the read ends. Lives on the driver.
 */
public record ReadPlan(String resource, QuerySpec query, List<PartitionSpec> partitions, Optional<String> pitId) {

  public ReadPlan {
    partitions = List.copyOf(partitions);
  }

  public static ReadPlan empty(String resource, QuerySpec query) {
    return new ReadPlan(resource, query, List.of(), Optional.empty());
  }
}
