package io.searchbridge.core.plan;

import java.io.Serializable;
import java.util.List;

/**
 * One unit of parallel reading, sent to an executor. Small on purpose: the query travels once in
 * the read's {@link io.searchbridge.core.query.QuerySpec}, settings in their own record.
 */
public sealed interface PartitionSpec extends Serializable permits PitSlicePartition, ShardPartition {

  /** Position of the partition in its plan, from 0. */
  int id();

  /** Hosts holding the data, a locality hint for the engine's scheduler. */
  List<String> preferredHosts();
}
