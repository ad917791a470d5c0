package io.searchbridge.bench;

import java.nio.file.Path;

/**
 * The raw client's JVM, started twice by scripts/bench.sh. {@code warm-up}: one raw write of all the
 * documents into a throw-away index, so that the connectors' cold runs meet a warm server and not a
 * fresh one. {@code measure}: the sweep for the best request sizes (unless {@code --no-sweep}), then
 * every phase with the winner.
 * Usage: {@code RawMain warm-up|measure <elasticsearch-url> <documents> <results.tsv> [--no-sweep]}.
 */
public final class RawMain {

  /** The sweep's subset: enough for several requests of the largest body size per connection. */
  private static final long SWEEP_DOCUMENTS = 200_000;

  private RawMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: RawMain warm-up|measure <elasticsearch-url> <documents> <results.tsv> [--no-sweep]");
      System.exit(2);
    }
    RawClient raw = new RawClient(args[1]);
    long docs = Long.parseLong(args[2]);
    Path output = Path.of(args[3]);
    CpuClock clock = CpuClock.fromSystemProperties();
    Results results = new Results();
    if (args[0].equals("warm-up")) {
      results.phases().add(new RawPhases(raw, clock, docs, RawConfig.UNSWEPT).write("warm-up", "bench-warm-up"));
      raw.deleteIndex("bench-warm-up");
    } else {
      boolean sweep = !(args.length > 4 && args[4].equals("--no-sweep"));
      RawConfig config = RawConfig.UNSWEPT;
      if (sweep) {
        RawSweep sweeper = new RawSweep(raw, Math.min(docs, SWEEP_DOCUMENTS));
        config = sweeper.best();
        results.facts().put("sweep", String.format("%,d documents; %s", Math.min(docs, SWEEP_DOCUMENTS),
            sweeper.tried()));
      }
      results.facts().put("raw.write", config.writeDescription() + (sweep ? " (swept)" : " (not swept)"));
      results.facts().put("raw.read", config.readDescription() + (sweep ? " (swept)" : " (not swept)"));
      results.facts().put("server", raw.serverDescription());
      results.phases().addAll(new RawPhases(raw, clock, docs, config).run("raw", "bench-raw"));
    }
    results.write(output);
  }
}
