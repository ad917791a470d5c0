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
 * point-in-time planned outside an execution (by {@code df.rdd()} or {@code explain}) may be read
 * by any later action, so it is released when the application ends. The keep-alive ({@code
 * es.scroll.keepalive} after the last page) bounds the life of every one of them in any case.
 */
final class PointInTimeReleaser extends SparkListener {

  private static final Logger LOG = LoggerFactory.getLogger(PointInTimeReleaser.class);
  private static final Map<SparkContext, PointInTimeReleaser> BY_CONTEXT = new HashMap<>();

  private record Held(Settings settings, String pitId) {}

  /** Planned outside any SQL execution: released with the application. */
  private static final long NO_EXECUTION = -1;

  private final Map<Long, List<Held>> byExecution = new HashMap<>();

  static void track(Settings settings, String pitId) {
    SparkSession session = SparkSession.active();
    String execution = session.sparkContext().getLocalProperty(SQLExecution.EXECUTION_ID_KEY());
    long key = execution == null ? NO_EXECUTION : Long.parseLong(execution);
    forContext(session.sparkContext()).hold(key, new Held(settings, pitId));
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
        held = end.executionId() == NO_EXECUTION ? null : byExecution.remove(end.executionId());
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
