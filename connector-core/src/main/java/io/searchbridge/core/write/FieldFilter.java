package io.searchbridge.core.write;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which document fields are written, from {@code es.mapping.include} and
 * {@code es.mapping.exclude}: dotted paths where {@code *} matches any run of characters, dots
 * included, as in Elasticsearch source filtering. Engines ask once per schema path, not per document.
 */
public final class FieldFilter implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  public FieldFilter(Settings settings) {
    this.includes = settings.get(Keys.MAPPING_INCLUDE).stream().map(FieldFilter::glob).toList();
    this.excludes = settings.get(Keys.MAPPING_EXCLUDE).stream().map(FieldFilter::glob).toList();
  }

  /**
   * Whether the field at {@code path} is written with everything below it (subject to excludes
   * further down): it is not excluded and an include names it or one of its parents.
   */
  public boolean writesWhole(String path) {
    return !matchesSelfOrParent(excludes, path) && (includes.isEmpty() || matchesSelfOrParent(includes, path));
  }

  /**
   * Whether an object at {@code path} must be written because an include names something inside it,
   * e.g. {@code user} for {@code es.mapping.include=user.name}; its children then decide one by one.
   */
  public boolean writesPartOf(String path) {
    if (matchesSelfOrParent(excludes, path)) {
      return false;
    }
    String below = path + ".";
    // hitEnd: the matcher ran off the end of "path." wanting more, so some child path can still match.
    return includes.stream().anyMatch(include -> {
      Matcher matcher = include.matcher(below);
      return matcher.matches() || matcher.hitEnd();
    });
  }

  private static boolean matchesSelfOrParent(List<Pattern> patterns, String path) {
    for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
      if (matchesAny(patterns, path.substring(0, dot))) {
        return true;
      }
    }
    return matchesAny(patterns, path);
  }

  private static boolean matchesAny(List<Pattern> patterns, String path) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
  }

  private static Pattern glob(String glob) {
    return Pattern.compile(
        Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
