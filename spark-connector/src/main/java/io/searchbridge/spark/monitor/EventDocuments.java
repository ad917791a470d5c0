package io.searchbridge.spark.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Spark listener events as monitoring documents: one flat shape for every event ({@code event},
 * {@code @timestamp}, {@code app}, then {@code job}, {@code stage}, {@code task}, {@code metrics},
 * {@code connector} and {@code error} where they apply), so that one index template and one set of
 * queries serve all of them. Pure: no I/O, every field taken from the event.
 */
final class EventDocuments {

  /** Long stack traces are cut here: enough to find the cause, small enough not to bloat the index. */
  static final int MAX_STACK_TRACE = 8000;

  /** What the listener remembers of a running job until it ends. */
  record JobStarted(long time, List<Integer> stageIds, String description, String sqlExecutionId) {}

  record App(String id, String name) {}

  private EventDocuments() {}

  static Map<String, Object> applicationStart(SparkListenerApplicationStart event, App app) {
    Map<String, Object> doc = base("application_start", event.time(), app);
    doc.put("user", event.sparkUser());
    return doc;
  }

  static Map<String, Object> applicationEnd(SparkListenerApplicationEnd event, App app) {
    return base("application_end", event.time(), app);
  }

  static JobStarted jobStarted(SparkListenerJobStart event) {
    List<Integer> stageIds = new ArrayList<>();
    event.stageIds().foreach(id -> stageIds.add((Integer) id));
    var properties = event.properties();
    return new JobStarted(event.time(), List.copyOf(stageIds),
        properties == null ? null : properties.getProperty("spark.job.description"),
        properties == null ? null : properties.getProperty("spark.sql.execution.id"));
  }

  static Map<String, Object> jobStart(SparkListenerJobStart event, App app) {
    JobStarted started = jobStarted(event);
    Map<String, Object> doc = base("job_start", event.time(), app);
    doc.put("job", job(event.jobId(), started, null));
    return doc;
  }

  /** @param started the job's start, or null when the listener joined after it started */
  static Map<String, Object> jobEnd(SparkListenerJobEnd event, JobStarted started, App app) {
    Map<String, Object> doc = base("job_end", event.time(), app);
    boolean failed = event.jobResult() instanceof JobFailed;
    doc.put("job", job(event.jobId(), started, failed ? "failed" : "succeeded"));
    if (started != null) {
      doc.put("start_time", started.time());
      doc.put("duration_ms", event.time() - started.time());
    }
    if (event.jobResult() instanceof JobFailed failure) {
      doc.put("error", error(failure.exception().getClass().getName(), String.valueOf(failure.exception().getMessage()),
          null));
    }
    return doc;
  }

  static Map<String, Object> stageCompleted(SparkListenerStageCompleted event, App app) {
    StageInfo info = event.stageInfo();
    long end = info.completionTime().isDefined() ? (Long) info.completionTime().get() : System.currentTimeMillis();
    Map<String, Object> doc = base("stage_completed", end, app);
    Map<String, Object> stage = stage(info.stageId(), info.attemptNumber());
    stage.put("name", info.name());
    stage.put("tasks", info.numTasks());
    stage.put("status", info.failureReason().isDefined() ? "failed" : "succeeded");
    doc.put("stage", stage);
    if (info.submissionTime().isDefined()) {
      long start = (Long) info.submissionTime().get();
      doc.put("start_time", start);
      doc.put("duration_ms", end - start);
    }
    if (info.taskMetrics() != null) {
      doc.put("metrics", SparkMetricFields.of(info.taskMetrics()));
    }
    if (info.failureReason().isDefined()) {
      doc.put("error", error(null, info.failureReason().get(), null));
    }
    return doc;
  }

  static Map<String, Object> taskEnd(SparkListenerTaskEnd event, App app) {
    TaskInfo info = event.taskInfo();
    long end = info.finishTime() > 0 ? info.finishTime() : System.currentTimeMillis();
    Map<String, Object> doc = base("task_end", end, app);
    doc.put("stage", stage(event.stageId(), event.stageAttemptId()));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", Long.toString(info.taskId()));
    task.put("index", info.index());
    task.put("partition", info.partitionId());
    task.put("attempt", info.attemptNumber());
    task.put("executor_id", info.executorId());
    task.put("host", info.host());
    task.put("locality", info.taskLocality().toString());
    task.put("speculative", info.speculative());
    task.put("type", event.taskType());
    task.put("status", status(event.reason()));
    doc.put("task", task);
    doc.put("start_time", info.launchTime());
    doc.put("duration_ms", end - info.launchTime());
    if (event.taskMetrics() != null) {
      doc.put("metrics", SparkMetricFields.of(event.taskMetrics()));
    }
    Map<String, Object> connector = ConnectorAccumulables.of(info.accumulables());
    if (!connector.isEmpty()) {
      doc.put("connector", connector);
    }
    if (event.reason() instanceof ExceptionFailure failure) {
      doc.put("error", error(failure.className(), failure.description(), failure.fullStackTrace()));
    } else if (event.reason() instanceof TaskFailedReason failure) {
      doc.put("error", error(failure.getClass().getSimpleName(), failure.toErrorString(), null));
    }
    return doc;
  }

  private static String status(TaskEndReason reason) {
    if (reason == Success$.MODULE$) {
      return "success";
    }
    return reason instanceof TaskKilled ? "killed" : "failed";
  }

  private static Map<String, Object> base(String event, long time, App app) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", time);
    doc.put("event", event);
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("id", app.id());
    application.put("name", app.name());
    doc.put("app", application);
    return doc;
  }

  private static Map<String, Object> job(int id, JobStarted started, String status) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", Integer.toString(id));
    if (status != null) {
      job.put("status", status);
    }
    if (started != null) {
      job.put("stage_ids", started.stageIds().stream().map(String::valueOf).toList());
      putIfPresent(job, "description", started.description());
      putIfPresent(job, "sql_execution_id", started.sqlExecutionId());
    }
    return job;
  }

  private static Map<String, Object> stage(int id, int attempt) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("id", Integer.toString(id));
    stage.put("attempt", attempt);
    return stage;
  }

  private static Map<String, Object> error(String type, String message, String stackTrace) {
    Map<String, Object> error = new LinkedHashMap<>();
    putIfPresent(error, "type", type);
    error.put("message", message);
    if (stackTrace != null && !stackTrace.isEmpty()) {
      error.put("stack_trace", stackTrace.length() > MAX_STACK_TRACE
          ? stackTrace.substring(0, MAX_STACK_TRACE) + "\n... (cut at " + MAX_STACK_TRACE + " characters)" : stackTrace);
    }
    return error;
  }

  private static void putIfPresent(Map<String, Object> target, String key, String value) {
    if (value != null) {
      target.put(key, value);
    }
  }
}
