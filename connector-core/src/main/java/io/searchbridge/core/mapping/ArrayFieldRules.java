package io.searchbridge.core.mapping;

import io.searchbridge.core.SearchbridgeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which fields to read as arrays although the mapping cannot say so ({@code
 * es.read.field.as.array.include} / {@code .exclude}, with ES-Hadoop's semantics): an entry is a
 * dotted path in which {@code *} matches any characters, dots included; an include may end in
 * {@code :N} for N levels of arrays ({@code "a.b:2"} is an array of arrays); an entry matches the
 * path itself, not the paths below it; an exclude wins over every include.
 */
public final class ArrayFieldRules {

  static final String INCLUDE_KEY = "es.read.field.as.array.include";
  static final String EXCLUDE_KEY = "es.read.field.as.array.exclude";

  private record Rule(Pattern pattern, int depth) {}

  private final List<Rule> includes;
  private final List<Rule> excludes;

  private ArrayFieldRules(List<Rule> includes, List<Rule> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /**
   * @throws SearchbridgeException naming the setting and the entry when an entry is malformed
   */
  public static ArrayFieldRules of(List<String> include, List<String> exclude) {
    List<Rule> includes = new ArrayList<>();
    include.forEach(entry -> includes.add(parse(INCLUDE_KEY, entry, true)));
    List<Rule> excludes = new ArrayList<>();
    exclude.forEach(entry -> excludes.add(parse(EXCLUDE_KEY, entry, false)));
    return new ArrayFieldRules(List.copyOf(includes), List.copyOf(excludes));
  }

  /** Array nesting declared for a path: 0 when not declared an array. */
  public int arrayDepth(String path) {
    if (excludes.stream().anyMatch(rule -> rule.pattern().matcher(path).matches())) {
      return 0;
    }
    return includes.stream()
        .filter(rule -> rule.pattern().matcher(path).matches())
        .mapToInt(Rule::depth)
        .findFirst()
        .orElse(0);
  }

  /**
   * Marks the declared fields (objects and nested fields included, multi-fields not: they are never
   * in {@code _source}) and records their depth in {@link Field#PARAM_ARRAY_DEPTH}.
   */
  public ResolvedMapping apply(ResolvedMapping mapping) {
    if (includes.isEmpty()) {
      return mapping;
    }
    return new ResolvedMapping(mapping.indexes(), mark(mapping.fields()));
  }

  private List<Field> mark(List<Field> fields) {
    List<Field> marked = new ArrayList<>(fields.size());
    for (Field field : fields) {
      Field withChildren =
          field.children().isEmpty() ? field : field.withChildren(mark(field.children()));
      int depth = arrayDepth(field.path());
      marked.add(depth > 0 ? withChildren.asArray(depth) : withChildren);
    }
    return marked;
  }

  private static Rule parse(String key, String rawEntry, boolean depthAllowed) {
    String entry = rawEntry == null ? "" : rawEntry.trim();
    String path = entry;
    int depth = 1;
    int colon = entry.lastIndexOf(':');
    if (colon >= 0) {
      if (!depthAllowed) {
        throw invalid(key, rawEntry, "an array depth (\":N\") only applies to " + INCLUDE_KEY);
      }
      path = entry.substring(0, colon).trim();
      depth = parseDepth(key, rawEntry, entry.substring(colon + 1).trim());
    }
    if (path.isEmpty()) {
      throw invalid(key, rawEntry, "the field path is empty");
    }
    if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw invalid(key, rawEntry, "the field path has an empty segment");
    }
    if (path.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':')) {
      throw invalid(key, rawEntry, "the field path contains whitespace or ':'");
    }
    return new Rule(toRegex(path), depth);
  }

  private static int parseDepth(String key, String rawEntry, String digits) {
    try {
      int depth = Integer.parseInt(digits);
      if (depth >= 1) {
        return depth;
      }
    } catch (NumberFormatException e) {
      // reported below, with the entry
    }
    throw invalid(key, rawEntry, "the array depth after ':' must be a positive integer");
  }

  private static Pattern toRegex(String path) {
    return Pattern.compile(
        Arrays.stream(path.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }

  private static SearchbridgeException invalid(String key, String entry, String reason) {
    return new SearchbridgeException(
        String.format(
            "Invalid entry [%s] in %s: %s (expected a dotted field path with optional '*'"
                + " wildcards, e.g. 'a.b', 'a.*' or 'a.b:2')",
            entry, key, reason));
  }
}
