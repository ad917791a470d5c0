package io.searchbridge.spark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import io.searchbridge.spark.monitor.EventDocuments.App;
import io.searchbridge.spark.monitor.EventDocuments.JobStarted;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.TaskResultLost$;
import org.apache.spark.TaskState;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.scheduler.TaskLocality;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

class EventDocumentsTest {

  private static final App APP = new App("app-1", "nightly");

  @Test
  void applicationEventsCarryTheAppAndTime() {
    Map<String, Object> start = EventDocuments.applicationStart(new SparkListenerApplicationStart("nightly",
        Option.apply("app-1"), 1_000L, "ana", Option.empty(), Option.empty(), Option.empty()), APP);
    assertThat(start).containsEntry("@timestamp", 1_000L).containsEntry("event", "application_start")
        .containsEntry("app", Map.of("id", "app-1", "name", "nightly")).containsEntry("user", "ana");

    assertThat(EventDocuments.applicationEnd(new SparkListenerApplicationEnd(9_000L), APP))
        .containsOnlyKeys("@timestamp", "event", "app").containsEntry("event", "application_end");
  }

  @Test
  void jobStartNamesItsStagesDescriptionAndSqlExecution() {
    Properties properties = new Properties();
    properties.setProperty("spark.job.description", "load orders");
    properties.setProperty("spark.sql.execution.id", "7");
    SparkListenerJobStart event = new SparkListenerJobStart(3, 1_000L, seq(stage(4, 0), stage(5, 0)), properties);

    Map<String, Object> doc = EventDocuments.jobStart(event, APP);

    assertThat(doc).containsEntry("event", "job_start").containsEntry("@timestamp", 1_000L);
    assertThat(doc.get("job")).isEqualTo(Map.of("id", "3", "stage_ids", List.of("4", "5"), "description",
        "load orders", "sql_execution_id", "7"));
    assertThat(EventDocuments.jobStarted(event)).isEqualTo(new JobStarted(1_000L, List.of(4, 5), "load orders", "7"));
  }

  @Test
  void jobEndHasItsDurationAndStatus() {
    JobStarted started = new JobStarted(1_000L, List.of(4), null, null);

    Map<String, Object> doc = EventDocuments.jobEnd(new SparkListenerJobEnd(3, 4_500L, JobSucceeded$.MODULE$), started,
        APP);

    assertThat(doc).containsEntry("event", "job_end").containsEntry("@timestamp", 4_500L)
        .containsEntry("start_time", 1_000L).containsEntry("duration_ms", 3_500L).doesNotContainKey("error");
    assertThat(doc.get("job")).isEqualTo(Map.of("id", "3", "status", "succeeded", "stage_ids", List.of("4")));
  }

  @Test
  void aFailedJobCarriesTheErrorAndAJobStartedBeforeTheListenerHasNoDuration() {
    Map<String, Object> doc = EventDocuments.jobEnd(new SparkListenerJobEnd(8, 4_500L,
        new JobFailed(new IllegalStateException("stage 2 failed 4 times"))), null, APP);

    assertThat(doc).doesNotContainKeys("duration_ms", "start_time");
    assertThat(doc.get("job")).isEqualTo(Map.of("id", "8", "status", "failed"));
    assertThat(doc.get("error")).isEqualTo(Map.of("type", "java.lang.IllegalStateException",
        "message", "stage 2 failed 4 times"));
  }

  @Test
  void stageCompletedHasDurationSummedMetricsAndFailure() {
    StageInfo info = stage(4, 1);
    info.stageFailed("ExecutorLostFailure: executor 2 exited");
    info.submissionTime_$eq(Option.apply(2_000L));
    info.completionTime_$eq(Option.apply(2_750L));
    info.taskMetrics().setExecutorRunTime(1_200);
    info.taskMetrics().inputMetrics().setRecordsRead(500);

    Map<String, Object> doc = EventDocuments.stageCompleted(new SparkListenerStageCompleted(info), APP);

    assertThat(doc).containsEntry("event", "stage_completed").containsEntry("@timestamp", 2_750L)
        .containsEntry("start_time", 2_000L).containsEntry("duration_ms", 750L);
    assertThat(doc.get("stage")).isEqualTo(Map.of("id", "4", "attempt", 1, "name", "stage 4", "tasks", 8,
        "status", "failed"));
    assertThat(metrics(doc)).containsEntry("executor_run_time_ms", 1_200L).containsEntry("records_read", 500L);
    assertThat(doc.get("error")).isEqualTo(Map.of("message", "ExecutorLostFailure: executor 2 exited"));
  }

  @Test
  void aSuccessfulTaskHasItsIdentityDurationAndEveryMetric() {
    TaskMetrics metrics = new TaskMetrics();
    metrics.setExecutorRunTime(900);
    metrics.setExecutorCpuTime(700_000_000L);
    metrics.setExecutorDeserializeTime(12);
    metrics.setResultSerializationTime(3);
    metrics.setJvmGCTime(40);
    metrics.setResultSize(2_048);
    metrics.inputMetrics().setRecordsRead(1_000);
    metrics.inputMetrics().setBytesRead(64_000);
    metrics.outputMetrics().setRecordsWritten(990);
    metrics.outputMetrics().setBytesWritten(50_000);
    metrics.shuffleReadMetrics().setRecordsRead(30);
    metrics.shuffleReadMetrics().setLocalBytesRead(100);
    metrics.shuffleReadMetrics().setRemoteBytesRead(200);
    metrics.shuffleReadMetrics().setFetchWaitTime(5);
    metrics.shuffleWriteMetrics().incRecordsWritten(20);
    metrics.shuffleWriteMetrics().incBytesWritten(400);
    metrics.shuffleWriteMetrics().incWriteTime(6_000_000L);
    metrics.incMemoryBytesSpilled(7);
    metrics.incDiskBytesSpilled(8);
    metrics.setPeakExecutionMemory(9);

    Map<String, Object> doc = EventDocuments.taskEnd(taskEnd(Success$.MODULE$, TaskState.FINISHED(), metrics,
        seq()), APP);

    assertThat(doc).containsEntry("event", "task_end").containsEntry("@timestamp", 6_000L)
        .containsEntry("start_time", 5_000L).containsEntry("duration_ms", 1_000L)
        .doesNotContainKeys("error", "connector");
    assertThat(doc.get("stage")).isEqualTo(Map.of("id", "4", "attempt", 0));
    assertThat(doc.get("task")).isEqualTo(Map.ofEntries(Map.entry("id", "77"), Map.entry("index", 2),
        Map.entry("partition", 2), Map.entry("attempt", 1), Map.entry("executor_id", "exec-3"),
        Map.entry("host", "worker-1"), Map.entry("locality", "NODE_LOCAL"), Map.entry("speculative", false),
        Map.entry("type", "ResultTask"), Map.entry("status", "success")));
    assertThat(metrics(doc)).isEqualTo(Map.ofEntries(Map.entry("executor_run_time_ms", 900L),
        Map.entry("executor_cpu_time_ms", 700L), Map.entry("deserialize_time_ms", 12L),
        Map.entry("result_serialization_time_ms", 3L), Map.entry("gc_time_ms", 40L),
        Map.entry("result_size_bytes", 2_048L), Map.entry("records_read", 1_000L), Map.entry("bytes_read", 64_000L),
        Map.entry("records_written", 990L), Map.entry("bytes_written", 50_000L),
        Map.entry("shuffle_read_records", 30L), Map.entry("shuffle_read_bytes", 300L),
        Map.entry("shuffle_read_remote_bytes", 200L), Map.entry("shuffle_fetch_wait_ms", 5L),
        Map.entry("shuffle_write_records", 20L), Map.entry("shuffle_write_bytes", 400L),
        Map.entry("shuffle_write_time_ms", 6L), Map.entry("memory_spilled_bytes", 7L),
        Map.entry("disk_spilled_bytes", 8L), Map.entry("peak_execution_memory_bytes", 9L)));
  }

  @Test
  void theConnectorsMetricsComeFromItsAccumulatorsOnly() {
    Seq<AccumulableInfo> accumulables = seq(
        accumulable(new ConnectorSqlMetrics.DocsWritten(), 990L),
        accumulable(new ConnectorSqlMetrics.BulkLatencyP99(), 41_000L),
        new AccumulableInfo(2, Option.apply("number of output rows"), Option.apply(990L), Option.empty(), false, true,
            Option.apply("sql")),
        new AccumulableInfo(3, Option.apply(new ConnectorSqlMetrics.DocsRead().description()), Option.apply(5L),
            Option.empty(), false, true, Option.empty()));

    Map<String, Object> doc = EventDocuments.taskEnd(taskEnd(Success$.MODULE$, TaskState.FINISHED(),
        new TaskMetrics(), accumulables), APP);

    assertThat(doc.get("connector")).isEqualTo(Map.of("esDocsWritten", 990L, "esBulkLatencyP99", 41_000L));
  }

  @Test
  void aFailedTaskCarriesTheExceptionAndItsStackTraceCutToSize() {
    String trace = "java.lang.RuntimeException: boom\n" + "\tat x.y.Z.f(Z.java:1)\n".repeat(1000);
    ExceptionFailure failure = new ExceptionFailure("java.lang.RuntimeException", "boom",
        new StackTraceElement[0], trace, Option.empty(), seq(), seq(), seq());

    Map<String, Object> doc = EventDocuments.taskEnd(taskEnd(failure, TaskState.FAILED(), null, seq()), APP);

    assertThat(doc).doesNotContainKey("metrics");
    assertThat(((Map<?, ?>) doc.get("task")).get("status")).isEqualTo("failed");
    Map<?, ?> error = (Map<?, ?>) doc.get("error");
    assertThat(error.get("type")).isEqualTo("java.lang.RuntimeException");
    assertThat(error.get("message")).isEqualTo("boom");
    assertThat((String) error.get("stack_trace")).startsWith("java.lang.RuntimeException: boom")
        .endsWith("(cut at " + EventDocuments.MAX_STACK_TRACE + " characters)")
        .hasSizeLessThan(EventDocuments.MAX_STACK_TRACE + 100);
  }

  @Test
  void otherFailuresAndKillsAreNamed() {
    Map<String, Object> lost = EventDocuments.taskEnd(taskEnd(TaskResultLost$.MODULE$, TaskState.FAILED(), null,
        seq()), APP);
    assertThat(((Map<?, ?>) lost.get("task")).get("status")).isEqualTo("failed");
    assertThat(lost.get("error")).isEqualTo(Map.of("type", "TaskResultLost$",
        "message", TaskResultLost$.MODULE$.toErrorString()));

    Map<String, Object> killed = EventDocuments.taskEnd(taskEnd(new TaskKilled("stage cancelled", seq(), seq(), seq()),
        TaskState.KILLED(), null, seq()), APP);
    assertThat(((Map<?, ?>) killed.get("task")).get("status")).isEqualTo("killed");
    assertThat(((Map<?, ?>) killed.get("error")).get("message")).asString().contains("stage cancelled");
  }

  private static SparkListenerTaskEnd taskEnd(TaskEndReason reason, scala.Enumeration.Value state,
      TaskMetrics metrics, Seq<AccumulableInfo> accumulables) {
    TaskInfo info = new TaskInfo(77, 2, 1, 2, 5_000L, "exec-3", "worker-1", TaskLocality.NODE_LOCAL(), false);
    info.markFinished(state, 6_000L);
    info.setAccumulables(accumulables);
    return new SparkListenerTaskEnd(4, 0, "ResultTask", reason, info, null, metrics);
  }

  private static AccumulableInfo accumulable(org.apache.spark.sql.connector.metric.CustomMetric metric, long value) {
    return new AccumulableInfo(1, Option.apply(metric.description()), Option.apply(value), Option.empty(), false,
        false, Option.apply(ConnectorAccumulables.SQL_ACCUMULATOR));
  }

  private static StageInfo stage(int id, int attempt) {
    return new StageInfo(id, attempt, "stage " + id, 8, seq(), seq(), "details", new TaskMetrics(), seq(),
        Option.empty(), 0, false, 0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metrics(Map<String, Object> doc) {
    return (Map<String, Object>) doc.get("metrics");
  }

  @SafeVarargs
  private static <T> Seq<T> seq(T... values) {
    return JavaConverters.asScalaBuffer(List.of(values)).toSeq();
  }
}
