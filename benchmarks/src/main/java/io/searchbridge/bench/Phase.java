package io.searchbridge.bench;

/**
 * One measured phase: our time and, where Elasticsearch can be asked the same thing directly, the
 * raw client's time for the same documents on the same server.
 *
 * @param rawSeconds NaN when there is no raw counterpart
 * @param target what issue #6 asks of this phase, checked by {@link #targetMet()}
 */
record Phase(String name, long docs, double seconds, double rawSeconds, Target target) {

  /** A goal for one phase: a minimum our/raw ratio, a maximum time, or none. */
  record Target(String text, double minRatio, double maxSeconds) {
    static final Target NONE = new Target("", Double.NaN, Double.NaN);

    static Target ratio(double min) {
      return new Target(String.format("our/raw >= %.2f", min), min, Double.NaN);
    }

    static Target withinTimes(double factor) {
      return new Target(String.format("within %.1fx of raw", factor), 1 / factor, Double.NaN);
    }

    static Target under(double seconds, String when) {
      return new Target(String.format("< %.1f s %s", seconds, when), Double.NaN, seconds);
    }
  }

  double docsPerSecond() {
    return docs / seconds;
  }

  double rawDocsPerSecond() {
    return docs / rawSeconds;
  }

  /** Our throughput over the raw client's, for the same documents: above 1 means we were faster. */
  double ratio() {
    return rawSeconds / seconds;
  }

  /** Null when the phase has no target. */
  Boolean targetMet() {
    if (!Double.isNaN(target.minRatio())) {
      return ratio() >= target.minRatio();
    }
    if (!Double.isNaN(target.maxSeconds())) {
      return seconds < target.maxSeconds();
    }
    return null;
  }
}
