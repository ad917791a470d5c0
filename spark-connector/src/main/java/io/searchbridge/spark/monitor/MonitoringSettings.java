package io.searchbridge.spark.monitor;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Secrets;
import io.searchbridge.core.config.Settings;
import io.searchbridge.spark.SparkSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the monitoring listener reads from the Spark configuration ({@code spark.es.*}). Only the
 * connection settings are taken over for the sink: the job's own write settings
 * ({@code es.mapping.id}, {@code es.write.operation} ...) describe the job's data, not events.
 */
record MonitoringSettings(Settings sink, String index, int queueSize, boolean tasks, boolean template,
    Duration closeTimeout, EventRedaction redaction) {

  private static final Logger LOG = LoggerFactory.getLogger(MonitoringSettings.class);
  private static final Set<String> CONNECTION_PREFIXES = Set.of("es.nodes", "es.port", "es.net.", "es.http.");

  static MonitoringSettings from(SparkConf conf) {
    Settings all = SparkSettings.forContext(conf, Map.of());
    String index = all.get(Keys.MONITORING_INDEX);
    Map<String, String> connection = new HashMap<>();
    all.asMap().forEach((key, value) -> {
      if (CONNECTION_PREFIXES.stream().anyMatch(key::startsWith)) {
        connection.put(key, value);
      }
    });
    // A sink that is down must cost little: one retry, then the batch is dropped and counted.
    connection.putIfAbsent(Keys.HTTP_RETRIES.key(), "1");
    connection.put(Keys.RESOURCE_WRITE.key(), index);
    connection.put(Keys.BATCH_WRITE_REFRESH.key(), "false");
    connection.put(Keys.PROGRESS_INTERVAL.key(), "0");
    connection.put(Keys.BATCH_WRITE_RETRY_COUNT.key(), "2");
    EventRedaction redaction = new EventRedaction(credentials(all), all.get(Keys.LOG_DOCUMENTS));
    return new MonitoringSettings(Settings.of(connection), index, all.get(Keys.MONITORING_QUEUE_SIZE),
        all.get(Keys.MONITORING_TASKS), all.get(Keys.MONITORING_TEMPLATE), all.get(Keys.MONITORING_CLOSE_TIMEOUT),
        redaction);
  }

  /** A keystore or file the driver cannot read leaves the sink unable to log in, so nothing ships to leak. */
  private static Set<String> credentials(Settings all) {
    try {
      return Secrets.of(all).values();
    } catch (InvalidSettingException e) {
      LOG.warn("monitoring: cannot read the connector's credentials ({}); the sink will fail to log in", e.getMessage());
      return Set.of();
    }
  }
}
