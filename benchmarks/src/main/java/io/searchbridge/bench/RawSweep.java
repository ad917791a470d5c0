package io.searchbridge.bench;

import io.searchbridge.bench.RawPitScan.Hits;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the raw client's best request sizes on a subset of the documents: every bulk body size with
 * every connection count for the write, then every slice count with every page size for the full
 * read, after one untimed round. One run per configuration, so on a busy machine a close second may win by noise.
 */
final class RawSweep {

  static final int[] BULK_MB = {1, 2, 5, 8, 16};
  static final int[] CONNECTIONS = {1, 2, 4};
  static final int[] SLICES = {1, 2, 4};
  static final int[] PAGE_SIZES = {1000, 5000, 10_000};

  private static final String INDEX = "bench-raw-sweep";

  private final RawClient raw;
  private final long docs;
  /** Every configuration tried and its docs/s, in order, for the report. */
  private final List<String> tried = new ArrayList<>();

  RawSweep(RawClient raw, long docs) {
    this.raw = raw;
    this.docs = docs;
  }

  RawConfig best() throws Exception {
    warmUp();
    int bestBytes = 0;
    int bestConnections = 0;
    double bestRate = 0;
    for (int mb : BULK_MB) {
      List<byte[]> bodies = SyntheticDocuments.bulkBodies(INDEX, docs, mb * RawConfig.MB);
      for (int connections : CONNECTIONS) {
        raw.recreateIndex(INDEX, SyntheticDocuments.INDEX_DEFINITION);
        double rate = docs / seconds(() -> {
          RawBulk.send(raw, bodies, connections);
          raw.refresh(INDEX);
        });
        record(String.format("write %d MB x%d", mb, connections), rate);
        if (rate > bestRate) {
          bestRate = rate;
          bestBytes = mb * RawConfig.MB;
          bestConnections = connections;
        }
      }
    }
    // The last write left the subset in the index: the reads sweep over it.
    int bestSlices = 0;
    int bestPage = 0;
    bestRate = 0;
    for (int slices : SLICES) {
      for (int page : PAGE_SIZES) {
        RawPitScan scan = new RawPitScan(raw, INDEX, new RawConfig(bestBytes, bestConnections, slices, page));
        double rate = docs / seconds(() -> Checks.expect(scan.read(RawPhases.ALL, Hits.SOURCE), docs, "sweep read"));
        record(String.format("read %d slices x %,d", slices, page), rate);
        if (rate > bestRate) {
          bestRate = rate;
          bestSlices = slices;
          bestPage = page;
        }
      }
    }
    raw.deleteIndex(INDEX);
    return new RawConfig(bestBytes, bestConnections, bestSlices, bestPage);
  }

  /** One untimed write and read, so that the first configuration tried does not also pay for this JVM's JIT. */
  private void warmUp() throws Exception {
    raw.recreateIndex(INDEX, SyntheticDocuments.INDEX_DEFINITION);
    RawBulk.send(raw, SyntheticDocuments.bulkBodies(INDEX, docs, RawConfig.UNSWEPT.bulkBytes()),
        RawConfig.UNSWEPT.connections());
    raw.refresh(INDEX);
    new RawPitScan(raw, INDEX, RawConfig.UNSWEPT).read(RawPhases.ALL, Hits.SOURCE);
  }

  String tried() {
    return String.join("; ", tried);
  }

  private void record(String config, double rate) {
    String line = String.format("%s: %,.0f docs/s", config, rate);
    System.out.println("sweep " + line);
    tried.add(line);
  }

  private static double seconds(CpuClock.Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
