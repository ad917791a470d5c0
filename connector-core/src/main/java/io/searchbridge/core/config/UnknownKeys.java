package io.searchbridge.core.config;

import java.util.Comparator;
import java.util.Optional;

/** Explains an unrecognised {@code es.*} key, suggesting the registered key the user probably meant. */
final class UnknownKeys {

  static final String NAMESPACE = "es.";

  private UnknownKeys() {}

  static boolean isUnknown(String key) {
    return key.startsWith(NAMESPACE) && Keys.find(key).isEmpty();
  }

  static String warning(String key) {
    return closest(key)
        .map(known -> "Unknown setting " + key + " -> did you mean " + known + "?")
        .orElse("Unknown setting " + key + " is ignored");
  }

  /** The nearest registered key, if near enough to be a typo rather than a different setting. */
  static Optional<String> closest(String key) {
    // Two edits cover a swapped or doubled letter; long keys tolerate a few more.
    int tolerance = Math.max(2, key.length() / 10);
    return Keys.all().stream()
        .map(Setting::key)
        .map(known -> new Candidate(known, editDistance(key, known)))
        .filter(candidate -> candidate.distance <= tolerance)
        .min(Comparator.comparingInt(Candidate::distance))
        .map(Candidate::key);
  }

  /** Levenshtein distance, two rows at a time. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private record Candidate(String key, int distance) {}
}
