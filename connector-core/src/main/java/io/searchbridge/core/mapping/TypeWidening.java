package io.searchbridge.core.mapping;

import static io.searchbridge.core.mapping.FieldType.BYTE;
import static io.searchbridge.core.mapping.FieldType.CONSTANT_KEYWORD;
import static io.searchbridge.core.mapping.FieldType.DATE;
import static io.searchbridge.core.mapping.FieldType.DATE_NANOS;
import static io.searchbridge.core.mapping.FieldType.DOUBLE;
import static io.searchbridge.core.mapping.FieldType.FLOAT;
import static io.searchbridge.core.mapping.FieldType.HALF_FLOAT;
import static io.searchbridge.core.mapping.FieldType.INTEGER;
import static io.searchbridge.core.mapping.FieldType.KEYWORD;
import static io.searchbridge.core.mapping.FieldType.LONG;
import static io.searchbridge.core.mapping.FieldType.MATCH_ONLY_TEXT;
import static io.searchbridge.core.mapping.FieldType.SCALED_FLOAT;
import static io.searchbridge.core.mapping.FieldType.SHORT;
import static io.searchbridge.core.mapping.FieldType.TEXT;
import static io.searchbridge.core.mapping.FieldType.WILDCARD;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which single type can read the values of two indexes' types. Only widenings that lose nothing a
 * reader relies on are allowed; everything else is a conflict the user has to resolve (for example
 * with a narrower resource or {@code es.read.field.exclude}).
 */
final class TypeWidening {

  private static final List<FieldType> INTEGRAL = List.of(BYTE, SHORT, INTEGER, LONG);
  private static final List<FieldType> FLOATING = List.of(HALF_FLOAT, FLOAT, DOUBLE);
  // unsigned_long is absent on purpose: no signed type holds all of its values, and it holds no
  // negative ones.
  private static final Set<FieldType> WIDENS_TO_DOUBLE =
      Set.of(BYTE, SHORT, INTEGER, LONG, HALF_FLOAT, FLOAT, DOUBLE, SCALED_FLOAT);
  private static final Set<FieldType> KEYWORD_FAMILY = Set.of(KEYWORD, CONSTANT_KEYWORD, WILDCARD);
  private static final Set<FieldType> TEXT_FAMILY = Set.of(TEXT, MATCH_ONLY_TEXT);
  private static final Set<FieldType> DATES = Set.of(DATE, DATE_NANOS);

  private TypeWidening() {}

  static Optional<FieldType> widen(FieldType a, FieldType b) {
    if (a == b) {
      return Optional.of(a);
    }
    if (INTEGRAL.contains(a) && INTEGRAL.contains(b)) {
      return Optional.of(wider(INTEGRAL, a, b));
    }
    if (FLOATING.contains(a) && FLOATING.contains(b)) {
      return Optional.of(wider(FLOATING, a, b));
    }
    if (WIDENS_TO_DOUBLE.contains(a) && WIDENS_TO_DOUBLE.contains(b)) {
      return Optional.of(DOUBLE);
    }
    if (KEYWORD_FAMILY.contains(a) && KEYWORD_FAMILY.contains(b)) {
      return Optional.of(KEYWORD);
    }
    if (TEXT_FAMILY.contains(a) && TEXT_FAMILY.contains(b)) {
      return Optional.of(TEXT);
    }
    if (DATES.contains(a) && DATES.contains(b)) {
      return Optional.of(DATE_NANOS);
    }
    return Optional.empty();
  }

  private static FieldType wider(List<FieldType> ordered, FieldType a, FieldType b) {
    return ordered.indexOf(a) >= ordered.indexOf(b) ? a : b;
  }
}
