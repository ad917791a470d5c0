package io.searchbridge.spark.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.write.AsyncDocumentSink;
import io.searchbridge.spark.SecretRedaction;
import io.searchbridge.spark.monitor.EventDocuments.App;
import io.searchbridge.spark.monitor.EventDocuments.JobStarted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships a Spark application's events (application, job, stage and task ends with their metrics,
 * failures and the connector's own numbers) into an Elasticsearch index. Enable it with
 * {@code spark.extraListeners=io.searchbridge.spark.monitor.EsMonitoringListener}; it reads
 * {@code spark.es.nodes} & co. and {@code spark.es.monitoring.*} from the Spark configuration.
 *
 * <p>It never slows or fails the job: Spark's listener thread only turns an event into JSON and
 * offers it to a bounded queue, a thread of its own ships the queue, and whatever cannot be queued
 * or shipped is dropped and counted ({@link #dropped()}) with a warning. A failure of the
 * listener itself is logged, never thrown back to Spark. Documents never carry the connector's
 * credentials, nor error messages when {@code es.log.documents=false} (see {@link EventRedaction}).
 */
public class EsMonitoringListener extends SparkListener {

  private static final Logger LOG = LoggerFactory.getLogger(EsMonitoringListener.class);
  private static final String TEMPLATE = "index-template.json";

  private final MonitoringSettings settings;
  private final AsyncDocumentSink sink;
  private final Map<Integer, JobStarted> runningJobs = new ConcurrentHashMap<>();
  private volatile App app;

  /** The constructor Spark calls for {@code spark.extraListeners}. */
  public EsMonitoringListener(SparkConf conf) {
    // Spark gives extra listeners the context's own conf before it posts the first environment update.
    SecretRedaction.extend(conf);
    this.settings = MonitoringSettings.from(conf);
    this.app = new App(conf.get("spark.app.id", null), conf.get("spark.app.name", null));
    String index = settings.index();
    String template = settings.template() ? template(index) : null;
    this.sink = new AsyncDocumentSink(settings.sink(), index, settings.queueSize(), client -> {
      if (template != null) {
        client.putIndexTemplate("searchbridge-monitoring-" + index, template);
      }
    });
    LOG.info("shipping Spark events of {} to index [{}]", app.id(), settings.index());
  }

  @Override
  public void onApplicationStart(SparkListenerApplicationStart event) {
    app = new App(event.appId().isDefined() ? event.appId().get() : app.id(), event.appName());
    ship(() -> EventDocuments.applicationStart(event, app));
  }

  @Override
  public void onJobStart(SparkListenerJobStart event) {
    runningJobs.put(event.jobId(), EventDocuments.jobStarted(event));
    ship(() -> EventDocuments.jobStart(event, app));
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd event) {
    JobStarted started = runningJobs.remove(event.jobId());
    ship(() -> EventDocuments.jobEnd(event, started, app));
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    ship(() -> EventDocuments.stageCompleted(event, app));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    if (settings.tasks()) {
      ship(() -> EventDocuments.taskEnd(event, app));
    }
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd event) {
    ship(() -> EventDocuments.applicationEnd(event, app));
    close();
  }

  /** Ships what is still queued (for at most {@code es.monitoring.close.timeout}) and stops. */
  public void close() {
    sink.close(settings.closeTimeout());
    LOG.info("monitoring of {}: {} event(s) shipped to [{}], {} dropped", app.id(), sink.shipped(), settings.index(),
        sink.dropped());
  }

  /** Events Elasticsearch acknowledged. */
  public long shipped() {
    return sink.shipped();
  }

  /** Events lost: queue full, sink down, or still queued when the application ended. */
  public long dropped() {
    return sink.dropped();
  }

  private void ship(Supplier<Map<String, Object>> document) {
    try {
      sink.offer(Json.MAPPER.writeValueAsBytes(settings.redaction().apply(document.get())));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("could not turn a Spark event into a monitoring document; skipped", e);
    }
  }

  /** The bundled template with its index patterns set to {@code index}. */
  static String template(String index) {
    try (InputStream in = EsMonitoringListener.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the connector jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${index}", index);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + TEMPLATE, e);
    }
  }
}
