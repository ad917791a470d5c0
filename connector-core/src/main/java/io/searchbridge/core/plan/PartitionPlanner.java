package io.searchbridge.core.plan;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.ShardCopy;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.PartitionStrategy;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.query.QuerySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a read into partitions. Default: one shared point-in-time cut into slices, one slice per
 * shard, more when {@code es.input.max.docs.per.partition} asks for smaller partitions. Slice
 * counts are rounded up (a partition never exceeds the limit by design) and capped at
 * Elasticsearch's {@code index.max_slices_per_pit}.
 */
public final class PartitionPlanner {

  /** Elasticsearch's default {@code index.max_slices_per_pit}. */
  static final int MAX_SLICES = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(PartitionPlanner.class);

  private final EsClient client;
  private final Settings settings;

  public PartitionPlanner(EsClient client, Settings settings) {
    this.client = client;
    this.settings = settings;
  }

  public ReadPlan plan(String resource, QuerySpec query) {
    List<ShardGroup> shards = shards(resource);
    if (shards.isEmpty()) {
      return ReadPlan.empty(resource, query);
    }
    if (query.isSorted() || (query.hasLimit() && query.limit() <= settings.get(Keys.SCROLL_SIZE))) {
      // A sorted read must be one stream to be in order, and a page-sized limit is cheapest as one
      // request: one partition over every shard, which fetches no more than the limit.
      String pitId = client.openPointInTime(resource, settings.get(Keys.SCROLL_KEEPALIVE), Optional.empty());
      LOG.info("[{}] planned 1 partition for a {} read", resource, query.isSorted() ? "sorted" : "limited");
      return new ReadPlan(resource, query, List.of(new PitSlicePartition(0, pitId, 0, 1, List.of())), Optional.of(pitId));
    }
    return switch (settings.get(Keys.READ_PARTITION_STRATEGY)) {
      case SHARD -> planShards(resource, query, shards);
      case POINT_IN_TIME -> planSlices(resource, query, shards);
    };
  }

  /** Counts the documents a read would return, without fetching any. */
  public long count(String resource, QuerySpec query) {
    if (shards(resource).isEmpty()) {
      return 0;
    }
    long matching = client.count(resource, query.queryJson(), Optional.empty());
    return query.hasLimit() ? Math.min(matching, query.limit()) : matching;
  }

  /** Releases what the plan holds on the cluster; call once the read has ended, also on failure. */
  public void release(ReadPlan plan) {
    plan.pitId().ifPresent(client::closePointInTime);
  }

  private ReadPlan planSlices(String resource, QuerySpec query, List<ShardGroup> shards) {
    int slicesPerShard = slicesPerShard(query, shards);
    int slices = shards.size() * slicesPerShard;
    if (slices > MAX_SLICES) {
      LOG.warn("[{}] would need {} slices to keep partitions under es.input.max.docs.per.partition; capped at {}",
          resource, slices, MAX_SLICES);
      slices = MAX_SLICES;
    }
    String pitId = client.openPointInTime(resource, settings.get(Keys.SCROLL_KEEPALIVE), Optional.empty());
    List<PartitionSpec> partitions = new ArrayList<>(slices);
    for (int slice = 0; slice < slices; slice++) {
      // Elasticsearch deals point-in-time slices to shards round-robin, so slice s reads shard
      // s mod n of the sorted shard list: a locality hint, not a guarantee.
      List<String> hosts = shards.get(slice % shards.size()).hosts();
      partitions.add(new PitSlicePartition(slice, pitId, slice, slices, hosts));
    }
    LOG.info("[{}] planned {} partition(s): {} shard(s) x {} slice(s) over one point-in-time", resource, slices,
        shards.size(), slicesPerShard);
    return new ReadPlan(resource, query, partitions, Optional.of(pitId));
  }

  private ReadPlan planShards(String resource, QuerySpec query, List<ShardGroup> shards) {
    List<PartitionSpec> partitions = new ArrayList<>(shards.size());
    for (ShardGroup group : shards) {
      partitions.add(new ShardPartition(partitions.size(), group.index(), group.shard(), group.hosts()));
    }
    LOG.info("[{}] planned {} shard partition(s)", resource, partitions.size());
    return new ReadPlan(resource, query, partitions, Optional.empty());
  }

  private int slicesPerShard(QuerySpec query, List<ShardGroup> shards) {
    Optional<Long> maxDocs = settings.get(Keys.INPUT_MAX_DOCS_PER_PARTITION);
    if (maxDocs.isEmpty()) {
      return 1;
    }
    long largest = 0;
    for (ShardGroup group : shards) {
      largest = Math.max(largest, client.count(group.index(), query.queryJson(), Optional.of(group.shard())));
    }
    // Slices split every shard into the same number of parts, so the largest shard decides.
    return (int) Math.max(1, Math.min(MAX_SLICES, ceilDiv(largest, maxDocs.get())));
  }

  private List<ShardGroup> shards(String resource) {
    List<ShardCopy> copies;
    try {
      copies = client.searchShards(resource);
    } catch (EsRequestException e) {
      if (e.status() == 404) {
        MissingIndex.readAsEmptyOrFail(settings, resource, e);
        return List.of();
      }
      throw e;
    }
    // 8.x answers _search_shards for a missing index with an empty list, not a 404.
    if (copies.isEmpty() && !client.indexExists(resource)) {
      MissingIndex.readAsEmptyOrFail(settings, resource, null);
      return List.of();
    }
    Map<String, ShardGroup> groups = new LinkedHashMap<>();
    long unassigned = 0;
    for (ShardCopy copy : copies) {
      if (copy.shard() < 0) {
        unassigned++;
        continue;
      }
      ShardGroup group = groups.computeIfAbsent(copy.index() + "/" + copy.shard(),
          k -> new ShardGroup(copy.index(), copy.shard(), new ArrayList<>()));
      if (copy.started()) {
        group.hosts().add(copy.host());
      }
    }
    List<String> unavailable = new ArrayList<>(groups.entrySet().stream()
        .filter(entry -> entry.getValue().hosts().isEmpty()).map(Map.Entry::getKey).sorted().toList());
    if (unassigned > 0) {
      unavailable.add(unassigned + " unassigned");
    }
    UnavailableShards.failUnlessAllowed(settings, resource, unavailable);
    groups.values().removeIf(group -> group.hosts().isEmpty());
    List<ShardGroup> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparing(ShardGroup::index).thenComparingInt(ShardGroup::shard));
    return sorted;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private record ShardGroup(String index, int shard, List<String> hosts) {}
}
