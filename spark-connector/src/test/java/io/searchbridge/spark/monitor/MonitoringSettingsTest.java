package io.searchbridge.spark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class MonitoringSettingsTest {

  @Test
  void takesConnectionAndMonitoringKeysButNotTheJobsWriteSettings() {
    SparkConf conf = new SparkConf(false).set("spark.es.nodes", "http://es1:9201").set("spark.es.net.http.auth.user", "ops")
        .set("spark.es.mapping.id", "order_id").set("spark.es.write.operation", "upsert")
        .set("spark.es.monitoring.index", "spark-events").set("spark.es.monitoring.queue.size", "50")
        .set("spark.es.monitoring.tasks", "false").set("spark.es.monitoring.close.timeout", "2s");

    MonitoringSettings settings = MonitoringSettings.from(conf);

    assertThat(settings.index()).isEqualTo("spark-events");
    assertThat(settings.queueSize()).isEqualTo(50);
    assertThat(settings.tasks()).isFalse();
    assertThat(settings.template()).isTrue();
    assertThat(settings.closeTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.sink().asMap()).containsEntry("es.nodes", "http://es1:9201")
        .containsEntry("es.net.http.auth.user", "ops").containsEntry("es.resource.write", "spark-events")
        .containsEntry("es.http.retries", "1").doesNotContainKeys("es.mapping.id", "es.write.operation");
  }

  @Test
  void defaultsToTheSparkMonitoringIndex() {
    MonitoringSettings settings = MonitoringSettings.from(new SparkConf(false));
    assertThat(settings.index()).isEqualTo("spark-monitoring");
    assertThat(settings.queueSize()).isEqualTo(10_000);
    assertThat(settings.tasks()).isTrue();
  }

  @Test
  void theTemplateMatchesTheIndexAndMapsIdsAsKeywordsAndTimesAsDates() throws Exception {
    JsonNode template = Json.MAPPER.readTree(EsMonitoringListener.template("spark-events"));
    assertThat(template.path("index_patterns").toString()).isEqualTo("[\"spark-events\",\"spark-events-*\"]");
    JsonNode properties = template.path("template").path("mappings").path("properties");
    assertThat(properties.path("@timestamp").path("type").asText()).isEqualTo("date");
    assertThat(properties.path("duration_ms").path("type").asText()).isEqualTo("long");
    for (String id : new String[] {"app", "job", "stage", "task"}) {
      assertThat(properties.path(id).path("properties").path("id").path("type").asText()).as(id).isEqualTo("keyword");
    }
  }

  @Test
  void theListenerConstructsFromASparkConfAndNeverThrowsWhenTheSinkIsUnreachable() {
    SparkConf conf = new SparkConf(false).set("spark.app.id", "app-9").set("spark.es.nodes", "127.0.0.1:1")
        .set("spark.es.nodes.discovery", "false").set("spark.es.monitoring.close.timeout", "3s");
    EsMonitoringListener listener = new EsMonitoringListener(conf);
    listener.onApplicationEnd(new org.apache.spark.scheduler.SparkListenerApplicationEnd(1L));
    assertThat(listener.shipped()).isZero();
    assertThat(listener.dropped()).isEqualTo(1);
  }
}
