package io.searchbridge.core.read;

import io.searchbridge.core.SearchbridgeException;

/**
 * Holds a partition read over a fixed snapshot (a point-in-time) to the number of hits the
 * snapshot has for it, counted exactly on its first page. A page lost on the way, or a retried
 * request answered with a different page, would otherwise end the partition short in silence.
 */
final class HitTally {

  private long expected = -1;
  private long received;

  /** @param totalHits the exact hit count of the partition's first page, or -1 when the answer had none */
  void expect(long totalHits) {
    expected = totalHits;
  }

  void receive(long hits) {
    received += hits;
  }

  /**
   * Call when the partition ran out of hits, never when a limit stopped it early.
   *
   * @param description names the index and the shard or slice
   */
  void checkComplete(String description) {
    if (expected >= 0 && received != expected) {
      throw new SearchbridgeException(description + " received " + received + " hit(s), but its point-in-time holds "
          + expected + "; a page went missing or came twice, so the partition fails for the engine to read it again");
    }
  }
}
