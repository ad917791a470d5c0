package io.searchbridge.spark.monitor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.executor.ShuffleReadMetrics;
import org.apache.spark.executor.ShuffleWriteMetrics;
import org.apache.spark.executor.TaskMetrics;

/**
 * Spark's task metrics (one task's, or a stage's sums) as the {@code metrics} object of an event
 * document. Times are in milliseconds whatever unit Spark keeps them in (CPU and shuffle-write
 * times are nanoseconds there), so that every {@code *_ms} field can be summed and compared.
 */
final class SparkMetricFields {

  private SparkMetricFields() {}

  static Map<String, Object> of(TaskMetrics metrics) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("executor_run_time_ms", metrics.executorRunTime());
    fields.put("executor_cpu_time_ms", TimeUnit.NANOSECONDS.toMillis(metrics.executorCpuTime()));
    fields.put("deserialize_time_ms", metrics.executorDeserializeTime());
    fields.put("result_serialization_time_ms", metrics.resultSerializationTime());
    fields.put("gc_time_ms", metrics.jvmGCTime());
    fields.put("result_size_bytes", metrics.resultSize());
    fields.put("records_read", metrics.inputMetrics().recordsRead());
    fields.put("bytes_read", metrics.inputMetrics().bytesRead());
    fields.put("records_written", metrics.outputMetrics().recordsWritten());
    fields.put("bytes_written", metrics.outputMetrics().bytesWritten());
    ShuffleReadMetrics shuffleRead = metrics.shuffleReadMetrics();
    fields.put("shuffle_read_records", shuffleRead.recordsRead());
    fields.put("shuffle_read_bytes", shuffleRead.totalBytesRead());
    fields.put("shuffle_read_remote_bytes", shuffleRead.remoteBytesRead());
    fields.put("shuffle_fetch_wait_ms", shuffleRead.fetchWaitTime());
    ShuffleWriteMetrics shuffleWrite = metrics.shuffleWriteMetrics();
    fields.put("shuffle_write_records", shuffleWrite.recordsWritten());
    fields.put("shuffle_write_bytes", shuffleWrite.bytesWritten());
    fields.put("shuffle_write_time_ms", TimeUnit.NANOSECONDS.toMillis(shuffleWrite.writeTime()));
    fields.put("memory_spilled_bytes", metrics.memoryBytesSpilled());
    fields.put("disk_spilled_bytes", metrics.diskBytesSpilled());
    fields.put("peak_execution_memory_bytes", metrics.peakExecutionMemory());
    return fields;
  }
}
