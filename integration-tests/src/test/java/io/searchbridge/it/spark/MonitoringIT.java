package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.it.support.Await;
import io.searchbridge.it.support.SparkIntegrationTest;
import io.searchbridge.spark.metrics.ConnectorMetricsSource;
import io.searchbridge.spark.monitor.EsMonitoringListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.execution.ui.SQLExecutionUIData;
import org.apache.spark.sql.execution.ui.SQLPlanMetric;
import org.junit.jupiter.api.Test;

/**
 * The connector's numbers where users look for them: the Spark metrics system, the Spark UI's
 * latency strings, and Spark's own events shipped into Elasticsearch by {@link EsMonitoringListener},
 * queried with the README's documented queries.
 */
class MonitoringIT extends SparkIntegrationTest {

  private static final Pattern DOCUMENTED_QUERY =
      Pattern.compile("<!-- monitoring-query: ([a-z-]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theMetricsSystemSourceCountsTheDocumentsWrittenAndRead() throws Exception {
    long writtenBefore = ConnectorMetrics.jvmTotals().get(ConnectorMetrics.Counter.DOCS_WRITTEN);
    long readBefore = ConnectorMetrics.jvmTotals().get(ConnectorMetrics.Counter.DOCS_READ);
    String index = server.uniqueIndex("metered");

    writeDocuments(10_000, index);
    long read = spark.read().format("searchbridge").option("es.nodes", server.url()).load(index).select("id")
        .javaRDD().count();

    assertThat(read).isEqualTo(10_000);
    MetricRegistry registry = SparkEnv.get().metricsSystem().getSourcesByName(ConnectorMetricsSource.NAME).head()
        .metricRegistry();
    Map<String, Counter> counters = registry.getCounters();
    assertThat(counters.get("esDocsWritten").getCount() - writtenBefore).isEqualTo(10_000);
    assertThat(counters.get("esDocsRead").getCount() - readBefore).isEqualTo(10_000);
    assertThat(counters.get("esBulkRequests").getCount()).isPositive();
    @SuppressWarnings("rawtypes")
    Map<String, Gauge> gauges = registry.getGauges();
    assertThat((Long) gauges.get("esBulkLatencyCount").getValue()).isPositive();
    assertThat((Double) gauges.get("esBulkLatencyP99Ms").getValue())
        .isGreaterThanOrEqualTo((Double) gauges.get("esBulkLatencyP50Ms").getValue()).isPositive();
    assertThat((Double) gauges.get("esSearchLatencyP95Ms").getValue()).isPositive();

    waitForListeners();
    assertThat(uiValue("bulk request latency p99 per task"))
        .matches("p99 \\d+\\.\\d ms \\(slowest task\\), \\d+\\.\\d ms \\(median task\\)");
  }

  @Test
  void theListenerShipsJobsStagesAndTasksAndTheDocumentedQueriesAnswer() throws Exception {
    String events = server.uniqueIndex("spark-events");
    String data = server.uniqueIndex("watched");
    EsMonitoringListener listener = new EsMonitoringListener(spark.sparkContext().getConf().clone()
        .set("spark.es.nodes", server.url()).set("spark.es.monitoring.index", events));
    // Spark wakes the caller of a failed job before it posts the job's end event, so waiting for an
    // empty listener bus alone can miss it: count job ends on the same bus first.
    AtomicInteger jobEnds = new AtomicInteger();
    SparkListener countingJobEnds = new SparkListener() {
      @Override
      public void onJobEnd(SparkListenerJobEnd end) {
        jobEnds.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(countingJobEnds);
    spark.sparkContext().addSparkListener(listener);
    try {
      writeDocuments(2_000, data);
      assertThat(spark.range(0, 2_000, 1, 4).groupBy(org.apache.spark.sql.functions.expr("id % 10")).count()
          .collectAsList()).hasSize(10);
      assertThatThrownBy(() -> spark.range(0, 100, 1, 4)
          .selectExpr("if(id = 57, raise_error('bad row 57'), id) as v").collectAsList())
          .hasMessageContaining("bad row 57");
      Await.until("the end events of the three jobs", Duration.ofSeconds(30), () -> jobEnds.get() >= 3);
      waitForListeners();
    } finally {
      spark.sparkContext().removeSparkListener(countingJobEnds);
      spark.sparkContext().removeSparkListener(listener);
      listener.close();
    }

    assertThat(listener.dropped()).isZero();
    assertThat(rest.count(events)).isEqualTo(listener.shipped()).isGreaterThan(10);
    JsonNode jobs = search(events, "{\"size\":100,\"query\":{\"term\":{\"event\":\"job_end\"}}}");
    List<String> statuses = new ArrayList<>();
    jobs.forEach(hit -> statuses.add(hit.path("_source").path("job").path("status").asText()));
    assertThat(statuses).contains("succeeded", "failed");
    jobs.forEach(hit -> assertThat(hit.path("_source").path("duration_ms").asLong()).isNotNegative());

    JsonNode written = search(events, "{\"size\":100,\"query\":{\"exists\":{\"field\":\"connector.esDocsWritten\"}}}");
    long docsWritten = 0;
    for (JsonNode hit : written) {
      JsonNode task = hit.path("_source");
      assertThat(task.path("event").asText()).isEqualTo("task_end");
      assertThat(task.path("task").path("status").asText()).isEqualTo("success");
      assertThat(task.path("metrics").path("executor_run_time_ms").isNumber()).isTrue();
      assertThat(task.path("connector").path("esBulkRequests").asLong()).isPositive();
      docsWritten += task.path("connector").path("esDocsWritten").asLong();
    }
    assertThat(docsWritten).isEqualTo(2_000);

    JsonNode failed = search(events, "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"event\":\"task_end\"}},"
        + "{\"term\":{\"task.status\":\"failed\"}}]}}}");
    assertThat(failed).isNotEmpty();
    JsonNode failure = failed.get(0).path("_source");
    assertThat(failure.path("error").path("message").asText()).contains("bad row 57");
    assertThat(failure.path("error").path("stack_trace").asText()).contains("at ");
    assertThat(failure.path("task").path("id").asText()).isNotEmpty();
    assertThat(failure.path("stage").path("id").asText()).isNotEmpty();

    JsonNode shuffled = search(events, "{\"query\":{\"range\":{\"metrics.shuffle_write_bytes\":{\"gt\":0}}}}");
    assertThat(shuffled).isNotEmpty();
    assertThat(search(events, "{\"query\":{\"term\":{\"event\":\"stage_completed\"}}}").get(0).path("_source")
        .path("stage").path("name").asText()).isNotEmpty();

    Map<String, String> queries = documentedQueries();
    assertThat(queries).containsOnlyKeys("job-latency", "stage-latency", "task-latency-percentiles", "throughput",
        "errors", "skew");
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    queries.forEach((name, body) -> answers.put(name, rest.post("/" + events + "/_search", body)));

    assertThat(answers.get("job-latency").path("aggregations").path("per_minute").path("buckets").get(0)
        .path("max_ms").path("value").asDouble()).isNotNegative();
    assertThat(answers.get("stage-latency").path("hits").path("hits").get(0).path("_source").path("duration_ms")
        .isNumber()).isTrue();
    for (JsonNode stage : answers.get("task-latency-percentiles").path("aggregations").path("stages").path("buckets")) {
      JsonNode values = stage.path("latency").path("values");
      assertThat(values.path("50.0").asDouble()).isLessThanOrEqualTo(values.path("99.0").asDouble());
    }
    long throughput = 0;
    for (JsonNode minute : answers.get("throughput").path("aggregations").path("per_minute").path("buckets")) {
      throughput += minute.path("es_docs_written").path("value").asLong();
    }
    assertThat(throughput).isEqualTo(2_000);
    assertThat(answers.get("errors").path("hits").path("hits").toString()).contains("bad row 57");
    JsonNode skew = answers.get("skew").path("aggregations").path("stages").path("buckets");
    assertThat(skew).isNotEmpty();
    for (JsonNode stage : skew) {
      JsonNode values = stage.path("duration").path("values");
      assertThat(values.path("70.0").asDouble()).isLessThanOrEqualTo(values.path("90.0").asDouble());
      assertThat(values.path("90.0").asDouble()).isLessThanOrEqualTo(values.path("100.0").asDouble());
      assertThat(stage.path("slowest").path("hits").path("hits").get(0).path("_source").path("duration_ms").asDouble())
          .isEqualTo(values.path("100.0").asDouble());
    }
  }

  @Test
  void aSinkThatIsDownNeverFailsTheJobAndCountsWhatItDrops() throws Exception {
    SparkConf conf = spark.sparkContext().getConf().clone().set("spark.es.nodes", "127.0.0.1:1")
        .set("spark.es.nodes.discovery", "false").set("spark.es.monitoring.close.timeout", "5s");
    EsMonitoringListener listener = new EsMonitoringListener(conf);
    spark.sparkContext().addSparkListener(listener);
    try {
      assertThat(spark.range(0, 1_000, 1, 4).selectExpr("sum(id)").first().getLong(0)).isEqualTo(499_500L);
      waitForListeners();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      listener.close();
    }
    assertThat(listener.shipped()).isZero();
    assertThat(listener.dropped()).isGreaterThanOrEqualTo(4);
  }

  /**
   * A failing task whose message quotes a credential and a document value: the listener ships the
   * event, masks the credential and, with es.log.documents=false, leaves the message out.
   */
  @Test
  void monitoringEventsCarryNoCredentialNorDocumentContent() throws Exception {
    String events = server.uniqueIndex("spark-events-redacted");
    String password = "monitor-pass-" + System.nanoTime();
    EsMonitoringListener listener = new EsMonitoringListener(spark.sparkContext().getConf().clone()
        .set("spark.es.nodes", server.url()).set("spark.es.monitoring.index", events)
        .set("spark.es.net.http.auth.user", "monitor").set("spark.es.net.http.auth.pass", password)
        .set("spark.es.net.http.auth.allow.plaintext", "true").set("spark.es.log.documents", "false"));
    spark.sparkContext().addSparkListener(listener);
    try {
      assertThatThrownBy(() -> spark.range(0, 10, 1, 2)
          .selectExpr("if(id = 7, raise_error('row 7 {\"name\":\"doc-content-4711\"} " + password + "'), id) as v")
          .collectAsList()).hasMessageContaining("doc-content-4711");
      waitForListeners();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      listener.close();
    }

    JsonNode failed = search(events, "{\"size\":100,\"query\":{\"exists\":{\"field\":\"error.type\"}}}");
    assertThat(failed).isNotEmpty();
    JsonNode all = search(events, "{\"size\":1000}");
    assertThat(all.toString()).doesNotContain(password).doesNotContain("doc-content-4711");
    assertThat(failed.get(0).path("_source").path("error").path("message").asText())
        .isEqualTo("(left out: es.log.documents=false)");
  }

  /** Spark reads spark.redaction.regex from the context's conf each time it shows or logs the environment. */
  @Test
  void usingTheConnectorExtendsSparkRedactionOfTheEnvironment() {
    writeDocuments(10, server.uniqueIndex("redaction"));
    SparkConf conf = SparkEnv.get().conf();
    scala.collection.Seq<scala.Tuple2<String, String>> properties = scala.collection.JavaConverters.asScalaBuffer(
        List.of(new scala.Tuple2<>("spark.es.net.http.auth.pass", "env-pass-4711"),
            new scala.Tuple2<>("spark.es.net.http.header.Authorization", "Bearer env-4711"),
            new scala.Tuple2<>("spark.es.nodes", "es1"))).toSeq();
    String shown = org.apache.spark.util.Utils.redact(conf, properties).toString();
    assertThat(shown).doesNotContain("env-pass-4711").doesNotContain("env-4711").contains("es1");
  }

  private void writeDocuments(int count, String index) {
    spark.range(0, count, 1, 4).selectExpr("cast(id as string) as id", "id % 10 as g").write().format("searchbridge")
        .option("es.nodes", server.url()).option("es.mapping.id", "id").option("es.batch.size.entries", "500")
        .mode("append").save(index);
  }

  private void waitForListeners() throws TimeoutException {
    spark.sparkContext().listenerBus().waitUntilEmpty();
  }

  private JsonNode search(String index, String body) {
    rest.post("/" + index + "/_refresh", null);
    return rest.post("/" + index + "/_search", body).path("hits").path("hits");
  }

  /** What the SQL tab shows for a metric of the latest query that has it. */
  private String uiValue(String description) {
    scala.collection.Iterator<SQLExecutionUIData> executions = spark.sharedState().statusStore().executionsList()
        .reverseIterator();
    while (executions.hasNext()) {
      SQLExecutionUIData execution = executions.next();
      scala.collection.Iterator<SQLPlanMetric> metrics = execution.metrics().iterator();
      while (metrics.hasNext()) {
        SQLPlanMetric metric = metrics.next();
        if (metric.name().equals(description)) {
          scala.Option<String> value = spark.sharedState().statusStore().executionMetrics(execution.executionId())
              .get(metric.accumulatorId());
          return value.isDefined() ? value.get() : null;
        }
      }
    }
    return null;
  }

  /** The README's query DSL blocks, by name: the test runs what users are told to run. */
  private static Map<String, String> documentedQueries() throws IOException {
    Path readme = Path.of("..", "README.md");
    Matcher matcher = DOCUMENTED_QUERY.matcher(Files.readString(readme));
    Map<String, String> queries = new LinkedHashMap<>();
    while (matcher.find()) {
      queries.put(matcher.group(1), matcher.group(2));
    }
    return queries;
  }
}
