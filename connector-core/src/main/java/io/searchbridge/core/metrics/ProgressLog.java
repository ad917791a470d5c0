package io.searchbridge.core.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far one long read or write has come, at INFO, at most once per interval: documents
 * done, the total when one is known, and the rate. Callers report per page or per bulk request,
 * not per document, so the cost is one clock read per request. A task that finishes within one
 * interval logs nothing, so short jobs stay quiet.
 */
public final class ProgressLog {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

  private final String description;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long started;
  private long nextReport;
  private long done;
  private long total = -1;
  private boolean reported;

  /** @param interval zero turns logging off */
  public ProgressLog(String description, Duration interval) {
    this(description, interval, System::nanoTime);
  }

  ProgressLog(String description, Duration interval, LongSupplier clock) {
    this.description = description;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.started = clock.getAsLong();
    this.nextReport = started + intervalNanos;
  }

  /** Sets the expected number of documents, e.g. from a search response's total hits. */
  public void expect(long documents) {
    total = documents;
  }

  /** Adds {@code documents} done; logs (and returns true) if an interval has passed since the last line. */
  public boolean advance(long documents) {
    done += documents;
    if (intervalNanos <= 0) {
      return false;
    }
    long now = clock.getAsLong();
    if (now < nextReport) {
      return false;
    }
    nextReport = now + intervalNanos;
    reported = true;
    LOG.info("{}", line(now, false));
    return true;
  }

  /** Logs the final count (and returns true) if progress was logged before, i.e. for a long task. */
  public boolean finish() {
    if (!reported) {
      return false;
    }
    reported = false;
    LOG.info("{}", line(clock.getAsLong(), true));
    return true;
  }

  String line(long now, boolean finished) {
    double seconds = Math.max(now - started, 1) / 1e9;
    StringBuilder line = new StringBuilder(description).append(": ");
    if (finished) {
      line.append(String.format(Locale.ROOT, "done, %,d documents in %.1f s", done, seconds));
    } else if (total > 0) {
      line.append(String.format(Locale.ROOT, "%,d of %,d documents (%d%%)", done, total,
          Math.min(100, done * 100 / total)));
    } else {
      line.append(String.format(Locale.ROOT, "%,d documents", done));
    }
    return line.append(String.format(Locale.ROOT, ", %,.0f docs/s", done / seconds)).toString();
  }
}
