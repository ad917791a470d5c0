package io.searchbridge.mirror;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.ResourcePaths;
import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.IndexMappings;
import io.searchbridge.core.plan.PartitionPlanner;
import io.searchbridge.core.plan.ReadPlan;
import io.searchbridge.core.query.QuerySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mirror} mode on the driver: rounds that copy what changed on the primary since each
 * index's cursor, then move the cursor. A cursor moves only after the standby acknowledged the
 * round's documents; a round that fails anywhere leaves every later cursor where it was, and the
 * next round replays from there (copies are idempotent: same {@code _id}, same routing).
 */
public final class Mirror {

  private static final Logger LOG = LoggerFactory.getLogger(Mirror.class);

  private final MirrorConfig config;
  private final MirrorStatus status;
  private final SparkIndexCopy copy;
  private long round;

  public Mirror(JavaSparkContext spark, MirrorConfig config, MirrorStatus status) {
    this.config = config;
    this.status = status;
    this.copy = new SparkIndexCopy(spark, config);
  }

  /** Rounds every {@code es.mirror.interval} until {@code keepRunning} says no; a failed round is retried next interval. */
  public void run(BooleanSupplier keepRunning) throws InterruptedException {
    status.started();
    try {
      while (keepRunning.getAsBoolean()) {
        try {
          round();
        } catch (RuntimeException e) {
          LOG.warn("mirror round failed; the cursors stay where they were and the next round retries: {}",
              e.getMessage(), e);
        }
        Thread.sleep(config.interval().toMillis());
      }
    } finally {
      status.stopped();
      LOG.info(status.line());
    }
  }

  /** One round over every configured index. @throws RuntimeException when any part failed (status records it) */
  public void round() {
    long number = ++round;
    status.roundStarted(number);
    try (EsClient primary = ElasticsearchJavaClient.open(config.primary(), "searchbridge-mirror");
        EsClient standby = ElasticsearchJavaClient.open(config.standby(), "searchbridge-mirror")) {
      CursorStore cursors = new CursorStore(standby, config.standby(), config.stateIndex());
      for (String index : indexes(primary)) {
        mirrorIndex(index, primary, standby, cursors);
      }
      status.roundSucceeded(number);
    } catch (Exception e) {
      // Spark reports a failed or cancelled job with its checked SparkException, thrown undeclared.
      status.roundFailed(number, e);
      throw e instanceof RuntimeException runtime ? runtime
          : new SearchbridgeException("mirror round " + number + " failed: " + e.getMessage(), e);
    } finally {
      LOG.info(status.line());
    }
  }

  /** The concrete indexes the configured names and patterns resolve to on the primary now. */
  public List<String> indexes() {
    try (EsClient primary = ElasticsearchJavaClient.open(config.primary(), "searchbridge-mirror")) {
      return indexes(primary);
    }
  }

  private List<String> indexes(EsClient primary) {
    List<String> indexes = new ArrayList<>();
    for (String requested : config.indexes()) {
      for (String name : IndexDefinitions.names(primary.indexDefinition(requested), requested)) {
        if (!indexes.contains(name)) {
          indexes.add(name);
        }
      }
    }
    return indexes;
  }

  private void mirrorIndex(String index, EsClient primary, EsClient standby, CursorStore cursors) {
    boolean created = !standby.indexExists(index);
    if (created) {
      // Settings and mappings first: documents must never arrive into a dynamically mapped copy.
      standby.createIndex(index, IndexDefinitions.createBody(primary.indexDefinition(index), index));
      LOG.info("[{}] created on the standby with the primary's settings and mappings", index);
    }
    Optional<ChangeMarker> marker = marker(primary, index);
    String markerName = config.markerField().orElse("");
    Optional<MirrorCursor> stored = cursors.load(index);
    // A new copy starts from nothing, whatever an older cursor said.
    Optional<Long> from = created ? Optional.empty() : MirrorCursor.resumeFrom(stored, markerName);
    QuerySpec query = new QuerySpec(marker.map(m -> m.roundQuery(from)).orElse(QuerySpec.MATCH_ALL), List.of(),
        List.of(), -1);
    PartitionPlanner planner = new PartitionPlanner(primary, config.primary());
    ReadPlan plan = planner.plan(index, query);
    Optional<Long> next;
    CopyTotals totals;
    try {
      totals = copy.run(index, query, plan.partitions(), "mirror [" + index + "] round " + round
          + (from.isEmpty() ? " (full copy)" : " from " + from.get()));
      Optional<Long> newest = marker.flatMap(m -> newest(primary, m, index, query.queryJson(), plan.pitId()));
      next = ChangeMarker.advance(from, newest);
    } finally {
      planner.release(plan);
    }
    long rounds = stored.map(MirrorCursor::rounds).orElse(0L);
    cursors.save(new MirrorCursor(index, markerName, next, rounds + 1, Instant.now()));
    Optional<Long> lag = marker.map(m -> newest(primary, m, index, QuerySpec.MATCH_ALL, Optional.empty())
        .map(newestOnPrimary -> Math.max(0, newestOnPrimary - next.orElse(newestOnPrimary))).orElse(0L));
    status.indexCopied(index, totals.documents(), totals.bytes(), lag);
  }

  private Optional<ChangeMarker> marker(EsClient primary, String index) {
    return config.markerField().map(name -> {
      Field field = IndexMappings.resolve(primary, index).find(name).orElseThrow(() -> new SearchbridgeException(
          "es.mirror.marker.field [" + name + "] is not mapped in index [" + index + "]; map it as a date or number"
              + " that writers set on every change, or unset es.mirror.marker.field to copy everything each round"));
      if (!field.type().isDate() && !field.type().isNumeric()) {
        throw new SearchbridgeException("es.mirror.marker.field [" + name + "] of index [" + index + "] is a "
            + field.esType() + "; it must be a date or numeric field");
      }
      return new ChangeMarker(name, field.type().isDate(), config.markerOverlap());
    });
  }

  private static Optional<Long> newest(EsClient primary, ChangeMarker marker, String index, String queryJson,
      Optional<String> pitId) {
    String path = pitId.isPresent() ? "/_search" : ResourcePaths.path(index, "/_search");
    byte[] body = marker.newestBody(queryJson, pitId).getBytes(StandardCharsets.UTF_8);
    return primary.search(path, body, ChangeMarker::parseNewest);
  }
}
