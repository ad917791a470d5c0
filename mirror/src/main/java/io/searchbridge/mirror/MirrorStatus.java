package io.searchbridge.mirror;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The live status of one mirror process, updated by the round loop and read by JMX, the Spark
 * metrics source and the round log. Thread-safe: readers run on other threads.
 */
public final class MirrorStatus implements MirrorStatusMXBean {

  private final LongSupplier clockMillis;
  private final Map<String, Long> documents = new TreeMap<>();
  private final Map<String, Long> bytes = new TreeMap<>();
  private final Map<String, Long> lag = new TreeMap<>();
  private boolean running;
  private String state = "not started";
  private long consecutiveFailures;
  private long lastSuccessMillis = -1;
  private long successfulRounds;

  public MirrorStatus(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  public static MirrorStatus systemClock() {
    return new MirrorStatus(System::currentTimeMillis);
  }

  public synchronized void started() {
    running = true;
    state = "started";
  }

  public synchronized void roundStarted(long round) {
    state = "round " + round + ": copying";
  }

  /** Adds what one index's part of a round moved; {@code indexLag} is empty when there is no marker. */
  public synchronized void indexCopied(String index, long docs, long sourceBytes, Optional<Long> indexLag) {
    documents.merge(index, docs, Long::sum);
    bytes.merge(index, sourceBytes, Long::sum);
    lag.put(index, indexLag.orElse(-1L));
  }

  public synchronized void roundSucceeded(long round) {
    consecutiveFailures = 0;
    successfulRounds++;
    lastSuccessMillis = clockMillis.getAsLong();
    state = "round " + round + " done; waiting for the next";
  }

  public synchronized void roundFailed(long round, Throwable error) {
    consecutiveFailures++;
    state = "round " + round + " failed, retried next interval: " + error.getMessage();
  }

  public synchronized void stopped() {
    running = false;
    state = "stopped";
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  @Override
  public synchronized String getState() {
    return state;
  }

  @Override
  public synchronized long getConsecutiveFailedRequests() {
    return consecutiveFailures;
  }

  @Override
  public synchronized long getSecondsSinceLastSuccessfulRound() {
    return lastSuccessMillis < 0 ? -1 : (clockMillis.getAsLong() - lastSuccessMillis) / 1000;
  }

  @Override
  public synchronized long getSuccessfulRounds() {
    return successfulRounds;
  }

  @Override
  public synchronized Map<String, Long> getDocumentsTransferred() {
    return Map.copyOf(documents);
  }

  @Override
  public synchronized Map<String, Long> getBytesTransferred() {
    return Map.copyOf(bytes);
  }

  @Override
  public synchronized Map<String, Long> getLag() {
    return Map.copyOf(lag);
  }

  /** One line per round for the log: what is happening and what each index moved so far. */
  public synchronized String line() {
    StringBuilder line = new StringBuilder("mirror: ").append(state)
        .append("; failed requests ").append(consecutiveFailures)
        .append("; last success ").append(getSecondsSinceLastSuccessfulRound()).append(" s ago");
    documents.forEach((index, docs) -> line.append("; [").append(index).append("] ").append(docs).append(" doc(s) ")
        .append(bytes.get(index)).append(" B lag ").append(lag.get(index)));
    return line.toString();
  }
}
