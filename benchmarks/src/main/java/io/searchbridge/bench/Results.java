package io.searchbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one side's JVM measured, handed to {@link ReportMain} through a tab-separated file: facts
 * (versions, the raw client's winning sizes) and phases. Each side runs in a JVM of its own.
 */
record Results(Map<String, String> facts, List<Phase> phases) {

  Results() {
    this(new LinkedHashMap<>(), new ArrayList<>());
  }

  void write(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    facts.forEach((key, value) -> out.append("fact\t").append(key).append('\t').append(value).append('\n'));
    for (Phase p : phases) {
      out.append(String.join("\t", "phase", p.pass(), p.kind().name(), Long.toString(p.docs()),
          Double.toString(p.seconds()), Double.toString(p.clientCpu()), Double.toString(p.serverCpu()))).append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, out);
  }

  static Results read(Path file) throws IOException {
    Results results = new Results();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f[0].equals("fact")) {
        results.facts.put(f[1], f.length > 2 ? f[2] : "");
      } else if (f[0].equals("phase")) {
        results.phases.add(new Phase(f[1], Phase.Kind.valueOf(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
            Double.parseDouble(f[5]), Double.parseDouble(f[6])));
      }
    }
    return results;
  }

  /** The phase of this pass and kind, or null when the side did not run it. */
  Phase phase(String pass, Phase.Kind kind) {
    return phases.stream().filter(p -> p.pass().equals(pass) && p.kind() == kind).findFirst().orElse(null);
  }
}
