package io.searchbridge.spark.sql;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What a task wrote: its document count and the indexes it touched (refreshed once by the job).
 * Public because batch jobs and streaming epochs ({@code io.searchbridge.spark.stream}) sum and
 * refresh the same way.
 */
public record EsWriterCommit(long documents, Set<String> indexes) implements WriterCommitMessage {

  /** What all tasks of a job or epoch wrote together. */
  public static EsWriterCommit sum(WriterCommitMessage[] messages) {
    long documents = 0;
    Set<String> indexes = new TreeSet<>();
    for (WriterCommitMessage message : messages) {
      EsWriterCommit commit = (EsWriterCommit) message;
      documents += commit.documents();
      indexes.addAll(commit.indexes());
    }
    return new EsWriterCommit(documents, indexes);
  }

  /** One refresh of every written index when {@code es.batch.write.refresh} (the default) asks for it. */
  public void refreshIfConfigured(Settings settings) {
    if (settings.get(Keys.BATCH_WRITE_REFRESH) && !indexes.isEmpty()) {
      try (EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/refresh")) {
        client.refresh(String.join(",", indexes));
      }
    }
  }
}
