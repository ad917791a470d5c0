package io.searchbridge.bench;

import io.searchbridge.bench.Phase.Kind;
import io.searchbridge.bench.RawPitScan.Hits;
import java.util.ArrayList;
import java.util.List;

/**
 * Every phase through plain REST, for one document count and one {@link RawConfig}: what the server
 * can do when driven as directly as it can be. Every phase checks what it got, so that a broken
 * read cannot pass for a fast one.
 */
final class RawPhases {

  static final String ALL = "{\"match_all\":{}}";
  static final String FIVE_PERCENT = "{\"bool\":{\"filter\":[{\"term\":{\"category\":\""
      + SyntheticDocuments.FIVE_PERCENT_CATEGORY + "\"}}]}}";

  private final RawClient raw;
  private final CpuClock clock;
  private final long docs;
  private final RawConfig config;

  RawPhases(RawClient raw, CpuClock clock, long docs, RawConfig config) {
    this.raw = raw;
    this.clock = clock;
    this.docs = docs;
    this.config = config;
  }

  /** Writes into a fresh {@code index}, reads it, and deletes it. */
  List<Phase> run(String pass, String index) throws Exception {
    List<Phase> phases = new ArrayList<>();
    phases.add(write(pass, index));
    RawPitScan scan = new RawPitScan(raw, index, config);
    phases.add(clock.measure(pass, Kind.READ_ALL, docs,
        () -> Checks.expect(scan.read(ALL, Hits.SOURCE), docs, "raw read all")));
    long matching = SyntheticDocuments.fivePercent(docs);
    phases.add(clock.measure(pass, Kind.FILTER, matching,
        () -> Checks.expect(scan.read(FIVE_PERCENT, Hits.IDS), matching, "raw 5% filter")));
    phases.add(clock.measure(pass, Kind.GROUP_BY, docs,
        () -> Checks.expect(raw.groups(index, "region"), SyntheticDocuments.REGIONS_COUNT, "raw groups")));
    phases.add(clock.measure(pass, Kind.COUNT, docs, () -> Checks.expect(raw.count(index, ALL), docs, "raw _count")));
    raw.deleteIndex(index);
    return phases;
  }

  /** The bodies are built before the clock starts: a raw client at its best sends ready bytes. */
  Phase write(String pass, String index) throws Exception {
    raw.recreateIndex(index, SyntheticDocuments.INDEX_DEFINITION);
    List<byte[]> bodies = SyntheticDocuments.bulkBodies(index, docs, config.bulkBytes());
    Phase phase = clock.measure(pass, Kind.WRITE, docs, () -> {
      RawBulk.send(raw, bodies, config.connections());
      raw.refresh(index);
    });
    Checks.expect(raw.count(index, ALL), docs, "documents written by the raw client");
    return phase;
  }
}
