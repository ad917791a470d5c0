package io.searchbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times a phase by the wall clock and by CPU seconds (user + system) of this JVM and of the
 * Elasticsearch server, both from Linux's {@code /proc/<pid>/stat}. scripts/bench.sh passes the
 * server's pid ({@code -Dbench.server.pid}) and the kernel's clock ticks per second
 * ({@code -Dbench.clock.ticks}, from {@code getconf CLK_TCK}).
 */
final class CpuClock {

  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private static final Path SELF = Path.of("/proc/self/stat");

  private final Path server;
  private final double ticksPerSecond;

  private CpuClock(Path server, double ticksPerSecond) {
    this.server = server;
    this.ticksPerSecond = ticksPerSecond;
  }

  static CpuClock fromSystemProperties() {
    String pid = System.getProperty("bench.server.pid");
    String ticks = System.getProperty("bench.clock.ticks");
    if (pid == null || ticks == null) {
      throw new IllegalStateException("-Dbench.server.pid and -Dbench.clock.ticks are required (scripts/bench.sh)");
    }
    return new CpuClock(Path.of("/proc", pid, "stat"), Double.parseDouble(ticks));
  }

  Phase measure(String pass, Phase.Kind kind, long docs, Step step) throws Exception {
    double client = cpuSeconds(SELF);
    double server = cpuSeconds(this.server);
    long start = System.nanoTime();
    step.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Phase(pass, kind, docs, seconds, cpuSeconds(SELF) - client, cpuSeconds(this.server) - server);
  }

  /** utime + stime: fields 14 and 15, counted after the command name, which may hold spaces but ends at ')'. */
  private double cpuSeconds(Path stat) {
    try {
      String line = Files.readString(stat);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerSecond;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stat, e);
    }
  }
}
