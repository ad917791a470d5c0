package io.searchbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Puts the sides' results side by side: the cold table (each connector's first pass in a fresh JVM),
 * then the warm one (the second pass), both against the same raw-client numbers, prints them and
 * writes them to a markdown file.
 * Usage: {@code ReportMain <output.md> <warm-up.tsv> <raw.tsv> <searchbridge.tsv> [official.tsv]}.
 */
public final class ReportMain {

  private ReportMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: ReportMain <output.md> <warm-up.tsv> <raw.tsv> <searchbridge.tsv> [official.tsv]");
      System.exit(2);
    }
    Phase warmUp = Results.read(Path.of(args[1])).phases().get(0);
    Results raw = Results.read(Path.of(args[2]));
    Results ours = Results.read(Path.of(args[3]));
    Results official = args.length > 4 ? Results.read(Path.of(args[4])) : null;
    long docs = raw.phase("raw", Phase.Kind.WRITE).docs();

    StringBuilder out = new StringBuilder();
    out.append(String.format("Searchbridge benchmark, %s: %,d documents; %d cores; Java %s; Spark %s local[2];"
            + " %s on the same machine.%n", LocalDate.now(ZoneOffset.UTC), docs, Runtime.getRuntime().availableProcessors(),
        ours.facts().get("java"), ours.facts().get("spark"), raw.facts().get("server")));
    out.append(String.format("Ours: %s. Official: %s. Raw client (java.net.http): write with %s; reads with %s.%n",
        ours.facts().get("jar"), official == null ? "skipped" : official.facts().get("jar"),
        raw.facts().get("raw.write"), raw.facts().get("raw.read")));
    if (raw.facts().containsKey("sweep")) {
      out.append("Sweep: ").append(raw.facts().get("sweep")).append(".\n");
    }
    out.append(String.format("%nCold: each connector's first pass in a fresh JVM, after the server was warmed by"
        + " one raw write of all documents (%.1f s, its first write in this run). Ratios are time over the raw"
        + " client's time.%n%n", warmUp.seconds()));
    out.append(ResultTable.markdown("cold", raw, ours, official));
    out.append("\nWarm: the second pass in the same JVM; the raw column is the same run as above.\n\n");
    out.append(ResultTable.markdown("warm", raw, ours, official));
    if (official != null && official.facts().containsKey("proxy.cpu")) {
      out.append("\nThe official connector's version proxy used ").append(official.facts().get("proxy.cpu"))
          .append(" CPU seconds over its whole run, in no column.\n");
    }

    System.out.println();
    System.out.print(out);
    Path output = Path.of(args[0]);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, out);
    System.out.println("\nwritten to " + output);
  }
}
