package io.searchbridge.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The raw-string parsers behind {@link Setting}. Each throws a bare {@link IllegalArgumentException}
 * on bad input; {@link Setting#parse(String)} turns that into a message naming the key and what is
 * allowed, so the (possibly secret) value never travels inside an exception from here.
 */
final class ValueParsers {

  private ValueParsers() {}

  static String singleLine(String raw) {
    if (raw.contains("\n") || raw.contains("\r")) {
      throw new IllegalArgumentException();
    }
    return raw;
  }

  static boolean strictBoolean(String raw) {
    String value = raw.trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException();
  }

  static int inRange(String raw, int min, int max) {
    int value = Integer.parseInt(raw.trim());
    if (value < min || value > max) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  static long atLeast(String raw, long min) {
    long value = Long.parseLong(raw.trim());
    if (value < min) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  static List<String> commaSeparated(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
  }

  static String oneOf(String raw, List<String> allowed) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  static <E extends Enum<E>> E enumConstant(String raw, List<E> constants, Function<E, String> nameOf) {
    return constants.stream()
        .filter(constant -> nameOf.apply(constant).equalsIgnoreCase(raw.trim()))
        .findFirst()
        .orElseThrow(IllegalArgumentException::new);
  }
}
