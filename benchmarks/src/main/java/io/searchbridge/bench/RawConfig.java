package io.searchbridge.bench;

/**
 * How the raw client drives the server: bulk bodies of {@code bulkBytes} over {@code connections},
 * and reads as {@code slices} point-in-time slices (one connection each) in pages of {@code pageSize} hits.
 */
record RawConfig(int bulkBytes, int connections, int slices, int pageSize) {

  static final int MB = 1024 * 1024;
  /** Used without a sweep, and for the server's warm-up: mid-range on every axis. */
  static final RawConfig UNSWEPT = new RawConfig(5 * MB, 2, 2, 5000);

  String writeDescription() {
    return String.format("bulk bodies of %d MB over %d connection%s", bulkBytes / MB, connections,
        connections == 1 ? "" : "s");
  }

  String readDescription() {
    return String.format("%d point-in-time slice%s, pages of %,d hits", slices, slices == 1 ? "" : "s", pageSize);
  }
}
