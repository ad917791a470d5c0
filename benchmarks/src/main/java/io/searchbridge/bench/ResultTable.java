package io.searchbridge.bench;

import java.util.List;

/** The benchmark's one output: a markdown table of the phases, headed by what it was measured on. */
final class ResultTable {

  private ResultTable() {}

  static String markdown(String heading, List<Phase> phases) {
    StringBuilder out = new StringBuilder(heading).append("\n\n");
    out.append("| phase | docs | seconds | docs/s | raw seconds | raw docs/s | our/raw | target |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Phase phase : phases) {
      boolean raw = !Double.isNaN(phase.rawSeconds());
      out.append(String.format("| %s | %,d | %.3f | %,.0f | %s | %s | %s | %s |%n", phase.name(), phase.docs(),
          phase.seconds(), phase.docsPerSecond(), raw ? String.format("%.3f", phase.rawSeconds()) : "-",
          raw ? String.format("%,.0f", phase.rawDocsPerSecond()) : "-", raw ? String.format("%.2f", phase.ratio()) : "-",
          verdict(phase)));
    }
    return out.toString();
  }

  private static String verdict(Phase phase) {
    Boolean met = phase.targetMet();
    return met == null ? "" : phase.target().text() + (met ? ": met" : ": MISSED");
  }
}
