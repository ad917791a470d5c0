package io.searchbridge.spark.rdd;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.query.QuerySpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.core.read.HitDecoder;
import io.searchbridge.core.read.PartitionReads;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SourceMaps;
import io.searchbridge.spark.SparkSettings;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkContext;
import scala.Tuple2;

/**
 * What the RDD read API needs from the core: settings, a plan and a cursor per partition. An RDD
 * is planned once and may be computed by many actions long apart, longer than any point-in-time
 * lives; so unless the user asks for {@code es.read.partition.strategy=pit}, RDDs read each shard
 * with a point-in-time its task opens and closes.
 */
public final class RddReads {

  /** A decoder that can travel to executors inside the RDD. */
  public interface Decoder<T> extends HitDecoder<T>, Serializable {}

  public static final Decoder<Tuple2<String, Map<String, Object>>> ID_AND_MAP =
      (metadata, source) -> new Tuple2<>(metadata.id(), SourceMaps.DECODER.decode(metadata, source));

  public static final Decoder<Tuple2<String, String>> ID_AND_JSON =
      (metadata, source) -> new Tuple2<>(metadata.id(), RawHit.DECODER.decode(metadata, source).sourceAsString());

  private RddReads() {}

  public static Settings settings(SparkContext context, String resource, Optional<String> query, Map<String, String> cfg) {
    Map<String, String> options = new HashMap<>(cfg);
    options.put(Keys.RESOURCE_READ.key(), resource);
    query.ifPresent(q -> options.put(Keys.QUERY.key(), q));
    return PartitionReads.withShardStrategyByDefault(SparkSettings.forContext(context.getConf(), options));
  }

  public static QuerySpec query(Settings settings) {
    return PartitionReads.query(settings);
  }

  public static List<PartitionSpec> plan(Settings settings) {
    return PartitionReads.plan(settings, "searchbridge/rdd-plan " + PartitionReads.resource(settings));
  }

  /** Opens the cursor of one partition; closing it also closes its client. */
  public static <T> ClientCursor<T> open(Settings settings, PartitionSpec partition, Decoder<T> decoder, String opaqueId) {
    return PartitionReads.open(settings, partition, decoder, opaqueId);
  }
}
