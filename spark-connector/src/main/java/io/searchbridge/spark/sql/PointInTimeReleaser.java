package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the point-in-times a query opened when that query ends. DataSource V2 gives readers no
 * end-of-job hook, so a listener waits for the end of the SQL execution that planned the scan. A
 * point-in-time planned outside an execution (e.g. by {@code explain}) is left to its keep-alive
 * ({@code es.scroll.keepalive}), which bounds its life in every case.
 */
final class PointInTimeReleaser extends SparkListener {

  private static final Logger LOG = LoggerFactory.getLogger(PointInTimeReleaser.class);
  private static final Map<SparkContext, PointInTimeReleaser> BY_CONTEXT = new HashMap<>();

  private record Held(Settings settings, String pitId) {}

  private final Map<Long, List<Held>> byExecution = new HashMap<>();

  static void track(Settings settings, String pitId) {
    SparkSession session = SparkSession.active();
    String execution = session.sparkContext().getLocalProperty(SQLExecution.EXECUTION_ID_KEY());
    if (execution == null) {
      LOG.debug("point-in-time planned outside a SQL execution; it expires after es.scroll.keepalive");
      return;
    }
    forContext(session.sparkContext()).hold(Long.parseLong(execution), new Held(settings, pitId));
  }

  private static synchronized PointInTimeReleaser forContext(SparkContext context) {
    return BY_CONTEXT.computeIfAbsent(context, c -> {
      PointInTimeReleaser releaser = new PointInTimeReleaser();
      c.addSparkListener(releaser);
      return releaser;
    });
  }

  private synchronized void hold(long execution, Held held) {
    byExecution.computeIfAbsent(execution, e -> new ArrayList<>()).add(held);
  }

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionEnd end) {
      List<Held> held;
      synchronized (this) {
        held = byExecution.remove(end.executionId());
      }
      if (held != null) {
        held.forEach(PointInTimeReleaser::release);
      }
    }
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    List<Held> all = new ArrayList<>();
    synchronized (this) {
      byExecution.values().forEach(all::addAll);
      byExecution.clear();
    }
    all.forEach(PointInTimeReleaser::release);
  }

  private static void release(Held held) {
    try (EsClient client = ElasticsearchJavaClient.open(held.settings(), "searchbridge/release-point-in-time")) {
      client.closePointInTime(held.pitId());
    } catch (RuntimeException e) {
      LOG.warn("could not release a point-in-time ({}); it expires after es.scroll.keepalive", e.getMessage());
    }
  }
}
