package io.searchbridge.mirror;

import java.util.Map;

/** The mirror's status as JMX shows it (an MXBean, so the per-index maps arrive as open tables). */
public interface MirrorStatusMXBean {

  boolean isRunning();

  /** What the mirror is doing or last did, in words. */
  String getState();

  /** Requests (rounds) failed since the last successful round, after the client's own retries. */
  long getConsecutiveFailedRequests();

  /** Seconds since the last round that completed, -1 before the first. */
  long getSecondsSinceLastSuccessfulRound();

  long getSuccessfulRounds();

  /** Per source index: documents copied to the standby since the mirror started. */
  Map<String, Long> getDocumentsTransferred();

  /** Per source index: {@code _source} bytes copied to the standby since the mirror started. */
  Map<String, Long> getBytesTransferred();

  /** Per source index: the primary's newest marker minus the standby's cursor (-1 when unknown). */
  Map<String, Long> getLag();
}
