package io.searchbridge.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes, written by users the ES-Hadoop way: {@code 1mb}, {@code 512kb}, {@code 10b}, {@code 1gb}. */
public record ByteSize(long bytes) {

  static final String ALLOWED =
      "a non-negative size such as 10b, 512kb, 1mb, 1gb, 1tb (binary units) or a number of bytes";

  private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

  private static final List<Unit> UNITS_LARGEST_FIRST =
      List.of(
          new Unit("tb", "t", 1L << 40),
          new Unit("gb", "g", 1L << 30),
          new Unit("mb", "m", 1L << 20),
          new Unit("kb", "k", 1L << 10),
          new Unit("b", "", 1L));

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("Byte size must not be negative: " + bytes);
    }
  }

  /**
   * Parses case-insensitively. Like ES-Hadoop, single-letter units ({@code 1m}) and fractions
   * ({@code 1.5mb}, rounded down to whole bytes) are accepted so existing configs keep working.
   *
   * @throws IllegalArgumentException naming what is allowed
   */
  public static ByteSize parse(String raw) {
    Matcher matcher = SYNTAX.matcher(raw.trim().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      String suffix = matcher.group(2);
      for (Unit unit : UNITS_LARGEST_FIRST) {
        if (suffix.equals(unit.suffix) || suffix.equals(unit.shortSuffix)) {
          BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit.bytes));
          try {
            return new ByteSize(bytes.setScale(0, RoundingMode.FLOOR).longValueExact());
          } catch (ArithmeticException tooLarge) {
            break;
          }
        }
      }
    }
    throw new IllegalArgumentException("Invalid byte size '" + raw + "': expected " + ALLOWED);
  }

  /** The largest unit that shows the size exactly with at most two decimals, so it parses back. */
  @Override
  public String toString() {
    for (Unit unit : UNITS_LARGEST_FIRST) {
      // Exact: every unit is a power of two, so the quotient always terminates.
      BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit.bytes)).stripTrailingZeros();
      if (value.compareTo(BigDecimal.ONE) >= 0 && value.scale() <= 2) {
        return value.toPlainString() + unit.suffix;
      }
    }
    return bytes + "b";
  }

  private record Unit(String suffix, String shortSuffix, long bytes) {}
}
