package io.searchbridge.core.write;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;

/** Whether writing the same document twice leaves two documents: the question engines ask before running a document twice on purpose. */
public final class ReplaySafety {

  private ReplaySafety() {}

  /**
   * True when Elasticsearch assigns the ids: an index or create without {@code es.mapping.id} and
   * without {@code es.mapping.id.generate=content}. A bulk re-sent after its answer was lost, a task
   * re-run and a speculative copy of a task then each add copies of what they write.
   */
  public static boolean duplicatesOnReplay(Settings settings) {
    WriteOperation operation = settings.get(Keys.WRITE_OPERATION);
    boolean adds = operation == WriteOperation.INDEX || operation == WriteOperation.CREATE;
    return adds && settings.get(Keys.MAPPING_ID).isEmpty() && ContentIds.forSettings(settings) == null;
  }
}
