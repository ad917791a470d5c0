package io.searchbridge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One markdown table per pass: for every phase, the seconds of our connector, of the official one
 * (when it ran) and of the raw client, each side's time over the raw time, and CPU seconds of client
 * + server per side.
 */
final class ResultTable {

  private ResultTable() {}

  /** @param official null when the run skipped the official connector */
  static String markdown(String pass, Results raw, Results ours, Results official) {
    List<String> head = new ArrayList<>(List.of("phase", "docs", "ours s"));
    if (official != null) {
      head.add("official s");
    }
    head.addAll(List.of("raw s", "ours/raw"));
    if (official != null) {
      head.add("official/raw");
    }
    head.add("CPU s ours (client + server)");
    if (official != null) {
      head.add("CPU s official");
    }
    head.add("CPU s raw");

    StringBuilder out = new StringBuilder(row(head));
    out.append(row(head.stream().map(h -> h.equals("phase") ? "---" : "---:").toList()));
    for (Phase.Kind kind : Phase.Kind.values()) {
      Phase r = raw.phase("raw", kind);
      Phase o = ours.phase(pass, kind);
      Phase e = official == null ? null : official.phase(pass, kind);
      List<String> cells = new ArrayList<>(List.of(kind.label, String.format("%,d", r.docs()), seconds(o)));
      if (official != null) {
        cells.add(seconds(e));
      }
      cells.add(seconds(r));
      cells.add(ratio(o, r));
      if (official != null) {
        cells.add(ratio(e, r));
      }
      cells.add(cpu(o));
      if (official != null) {
        cells.add(cpu(e));
      }
      cells.add(cpu(r));
      out.append(row(cells));
    }
    return out.toString();
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String seconds(Phase p) {
    return p == null ? "-" : String.format("%.3f", p.seconds());
  }

  /** Time over the raw client's time: 1.00 is as fast as raw, 2.00 takes twice as long. */
  private static String ratio(Phase side, Phase raw) {
    return side == null ? "-" : String.format("%.2f", side.seconds() / raw.seconds());
  }

  private static String cpu(Phase p) {
    return p == null ? "-" : String.format("%.1f + %.1f", p.clientCpu(), p.serverCpu());
  }
}
