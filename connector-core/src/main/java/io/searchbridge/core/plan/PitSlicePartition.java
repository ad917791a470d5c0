package io.searchbridge.core.plan;

import java.util.List;

/**
 * A slice of a point-in-time shared by every partition of one read. Sharing matters for
 * correctness: slices split a shard by Lucene document order, which differs between two
 * point-in-times after a merge, so slices of different point-in-times could miss or repeat
 * documents. {@code slices == 1} means no slicing.
 */
public record PitSlicePartition(int id, String pitId, int slice, int slices, List<String> preferredHosts)
    implements PartitionSpec {

  public PitSlicePartition {
    preferredHosts = List.copyOf(preferredHosts);
  }
}
