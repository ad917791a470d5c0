package io.searchbridge.spark.stream;

import io.searchbridge.core.config.InvalidSettingException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.StreamExecution;
import org.apache.spark.sql.streaming.OutputMode;
import scala.Option;

/**
 * What the sink needs to know about the streaming query writing to it: where its checkpoint is and
 * whether it runs in Update mode. Spark's write API tells neither (the {@code Update} builder call is
 * the same {@code build()} as {@code Append}, and {@code checkpointLocation} is in {@code
 * LogicalWriteInfo.options()} only when passed as an option: with {@code
 * spark.sql.streaming.checkpointLocation} the options hold just {@code queryName}, as StreamingSinkIT
 * observed), so we ask the query itself: {@code LogicalWriteInfo.queryId()} is
 * the query's persistent id, under which Spark registers the running {@link StreamExecution} in the
 * shared state of all sessions before it starts (Spark 3.5). Its {@code resolvedCheckpointRoot} is
 * exactly the directory Spark uses, also when it came from {@code spark.sql.streaming.checkpointLocation}.
 *
 * @param checkpointRoot the query's checkpoint directory
 * @param update whether the query runs in Update output mode
 */
record StreamQuery(String checkpointRoot, boolean update) {

  private static final String CHECKPOINT_OPTION = "checkpointLocation";

  static StreamQuery resolve(String queryId, Map<String, String> writeOptions) {
    Optional<StreamExecution> running = running(queryId);
    if (running.isPresent()) {
      StreamExecution execution = running.get();
      return new StreamQuery(execution.resolvedCheckpointRoot(), OutputMode.Update().equals(execution.outputMode()));
    }
    // Not expected with Spark 3.5; the user's option still locates the checkpoint, the mode is unknown.
    String location = writeOptions.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(CHECKPOINT_OPTION)).map(Map.Entry::getValue).findFirst()
        .orElseThrow(() -> new InvalidSettingException(CHECKPOINT_OPTION, "the searchbridge sink could not find the"
            + " checkpoint of streaming query " + queryId + ": set option(\"checkpointLocation\", dir) on writeStream"));
    return new StreamQuery(location, false);
  }

  private static Optional<StreamExecution> running(String queryId) {
    UUID id;
    try {
      id = UUID.fromString(queryId);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    Option<SparkSession> session = SparkSession.getActiveSession();
    if (session.isEmpty()) {
      session = SparkSession.getDefaultSession();
    }
    if (session.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.get().sharedState().activeStreamingQueries().get(id));
  }
}
