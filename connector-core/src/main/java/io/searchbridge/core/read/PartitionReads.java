package io.searchbridge.core.read;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.EsQueryParser;
import io.searchbridge.core.query.QuerySpec;
import java.util.List;

/**
 * Reads planned once and run later by engines that keep no driver alive to release server state
 * (Spark RDDs, MapReduce jobs): the plan is made of self-contained partitions, and each task opens
 * and releases what it reads with.
 */
public final class PartitionReads {

  private PartitionReads() {}

  /**
   * Defaults {@code es.read.partition.strategy} to {@code shard}: a job may wait in a queue longer
   * than a point-in-time opened at planning lives, while a shard partition opens its own
   * point-in-time in its own task.
   */
  public static Settings withShardStrategyByDefault(Settings settings) {
    return settings.raw(Keys.READ_PARTITION_STRATEGY.key()).isPresent() ? settings
        : settings.with(Keys.READ_PARTITION_STRATEGY.key(), "shard");
  }

  /** The whole-document query of {@code es.query} with the read field filters. */
  public static QuerySpec query(Settings settings) {
    return new QuerySpec(EsQueryParser.parse(settings.get(Keys.QUERY)), settings.get(Keys.READ_FIELD_INCLUDE),
        settings.get(Keys.READ_FIELD_EXCLUDE), -1);
  }

  public static String resource(Settings settings) {
    return settings.readResource().orElseThrow(() -> new io.searchbridge.core.config.InvalidSettingException("es.resource",
        "no index to read: set es.resource.read or es.resource"));
  }

  public static List<PartitionSpec> plan(Settings settings, String opaqueId) {
    String resource = resource(settings);
    try (EsClient client = ElasticsearchJavaClient.open(settings, opaqueId)) {
      return new PartitionPlanner(client, settings).plan(resource, query(settings)).partitions();
    }
  }

  /** Opens the cursor of one partition; closing it also closes its client. */
  public static <T> ClientCursor<T> open(Settings settings, PartitionSpec partition, HitDecoder<T> decoder, String opaqueId) {
    return ClientCursor.open(settings, resource(settings), query(settings), partition, decoder, opaqueId);
  }
}
