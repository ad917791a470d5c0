package org.apache.spark.metrics.source;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.searchbridge.mirror.MirrorStatus;
import java.util.List;

/**
 * The mirror's status as Spark metrics (JMX, Prometheus, CSV ... through the configured sinks).
 * In Spark's package because {@code Source} is Spark-private in Scala; gauges read the live status.
 */
public final class SearchbridgeMirrorSource implements Source {

  private final MetricRegistry registry = new MetricRegistry();

  public SearchbridgeMirrorSource(MirrorStatus status, List<String> indexes) {
    registry.register("running", (Gauge<Integer>) () -> status.isRunning() ? 1 : 0);
    registry.register("consecutiveFailedRequests", (Gauge<Long>) status::getConsecutiveFailedRequests);
    registry.register("secondsSinceLastSuccessfulRound", (Gauge<Long>) status::getSecondsSinceLastSuccessfulRound);
    registry.register("successfulRounds", (Gauge<Long>) status::getSuccessfulRounds);
    for (String index : indexes) {
      registry.register(MetricRegistry.name("index", index, "documentsTransferred"),
          (Gauge<Long>) () -> status.getDocumentsTransferred().getOrDefault(index, 0L));
      registry.register(MetricRegistry.name("index", index, "bytesTransferred"),
          (Gauge<Long>) () -> status.getBytesTransferred().getOrDefault(index, 0L));
      registry.register(MetricRegistry.name("index", index, "lag"),
          (Gauge<Long>) () -> status.getLag().getOrDefault(index, -1L));
    }
  }

  @Override
  public String sourceName() {
    return "searchbridge.mirror";
  }

  @Override
  public MetricRegistry metricRegistry() {
    return registry;
  }
}
