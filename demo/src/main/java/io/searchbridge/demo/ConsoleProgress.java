package io.searchbridge.demo;

import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The demo's progress for one step: a bar redrawn in place when the demo runs on a terminal, plain
 * lines every 10 seconds otherwise (logs, CI). Spark runs in this JVM (local mode), so the
 * connector's JVM-wide counters are the live number of documents done.
 */
final class ConsoleProgress implements AutoCloseable {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String step;
  private final long expected;
  private final Counter counter;
  private final long startCount;
  private final long startNanos = System.nanoTime();
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean done;

  private ConsoleProgress(PrintStream out, String step, long expected, Counter counter, boolean terminal) {
    this.out = out;
    this.step = step;
    this.expected = expected;
    this.counter = counter;
    this.startCount = ConnectorMetrics.jvmTotals().get(counter);
    this.terminal = terminal;
    this.thread = new Thread(this::run, "demo-progress");
    thread.setDaemon(true);
  }

  /** Shows the progress of {@code expected} documents counted by {@code counter} until closed. */
  static ConsoleProgress start(PrintStream out, String step, long expected, Counter counter) {
    ConsoleProgress progress = new ConsoleProgress(out, step, expected, counter, System.console() != null);
    progress.thread.start();
    return progress;
  }

  private void run() {
    long interval = terminal ? 200 : 10_000;
    while (!done) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      if (!done) {
        draw(false);
      }
    }
  }

  private synchronized void draw(boolean last) {
    String line = render(ConnectorMetrics.jvmTotals().get(counter) - startCount, System.nanoTime() - startNanos);
    if (terminal) {
      out.print("\r" + line + (last ? System.lineSeparator() : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  String render(long documents, long nanos) {
    double seconds = Math.max(nanos, 1) / 1e9;
    double fraction = expected > 0 ? Math.min(1.0, (double) documents / expected) : 0;
    String text = String.format(Locale.ROOT, "%s: %,d of %,d documents (%3.0f%%), %,.0f docs/s", step, documents,
        expected, fraction * 100, documents / seconds);
    if (!terminal) {
      return text;
    }
    int filled = (int) Math.round(fraction * WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text;
  }

  @Override
  public void close() {
    done = true;
    thread.interrupt();
    draw(true);
  }
}
