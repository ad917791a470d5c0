package io.searchbridge.spark.schema;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * es.read.field.include / es.read.field.exclude: dotted paths where {@code *} matches any
 * characters. An include keeps the path and everything below it, and keeps its parent objects with
 * only the included part; an exclude drops the path and everything below it, and wins.
 */
final class FieldFilter {

  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  private FieldFilter(List<Pattern> includes, List<Pattern> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  static FieldFilter of(List<String> include, List<String> exclude) {
    return new FieldFilter(compile(include), compile(exclude));
  }

  boolean excluded(String path) {
    return excludes.stream().anyMatch(p -> p.matcher(path).matches());
  }

  /** Kept with everything below it, unless excluded. */
  boolean included(String path) {
    return includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(path).matches());
  }

  /** Whether some include may name a path below this one, so that an object is kept in part. */
  boolean mayIncludeBelow(String path) {
    for (Pattern include : includes) {
      Matcher matcher = include.matcher(path + ".");
      // hitEnd: the input ran out while still matching, so a longer path could match.
      if (matcher.matches() || matcher.hitEnd()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(List<String> entries) {
    return entries.stream()
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(
            entry ->
                Pattern.compile(
                    Arrays.stream(entry.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*"))))
        .toList();
  }
}
