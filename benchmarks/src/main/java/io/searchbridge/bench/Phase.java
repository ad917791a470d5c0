package io.searchbridge.bench;

/**
 * One measured phase of one side: wall time next to the CPU it cost this JVM (client) and the
 * Elasticsearch process (server) meanwhile.
 *
 * @param pass "cold" (the first pass in a fresh JVM), "warm" (the second pass in the same JVM) or "raw"
 */
record Phase(String pass, Kind kind, long docs, double seconds, double clientCpu, double serverCpu) {

  /** The phases every side runs, in order. */
  enum Kind {
    WRITE("write (refresh included)"),
    READ_ALL("read all, every field"),
    FILTER("5% filter: count, collect ids"),
    GROUP_BY("groupBy(region).count()"),
    COUNT("count()");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }
}
