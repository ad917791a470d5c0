package io.searchbridge.bench;

/** A phase that got the wrong answer fails the run instead of reporting a time. */
final class Checks {

  private Checks() {}

  static void expect(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
