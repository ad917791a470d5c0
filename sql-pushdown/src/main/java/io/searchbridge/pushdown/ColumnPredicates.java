package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Literal;

/**
 * Predicates on one resolved column and non-null literals: which query the field's mapping allows
 * and whether it is exact. {@link FilterTranslator} resolves columns and literals and handles NULLs
 * and logic; this class knows the field types.
 */
final class ColumnPredicates {

  private final boolean strict;

  ColumnPredicates(boolean strict) {
    this.strict = strict;
  }

  Optional<Translation> equality(Column column, Literal<?> literal) {
    return switch (column.kind()) {
      // term has no format parameter, so a point in time is a closed range.
      case DATE -> Literals.isDay(literal)
          ? range(column, Map.of("gte", Literals.dayStart(literal), "lt", Literals.nextDay(literal)))
          : Literals.value(column, literal).flatMap(v -> range(column, Map.of("gte", v, "lte", v)));
      case TEXT -> strict
          ? Optional.empty()
          : Literals.value(column, literal)
              .map(v -> Translation.superset(column.inNested(Queries.match(column.field().path(), v.asText()))));
      default -> terms(column, List.of(literal));
    };
  }

  /** Any of the values: one terms query where the field takes terms, else OR of equalities. */
  Optional<Translation> anyEqual(Column column, List<Literal<?>> values) {
    if (column.kind() != Column.Kind.DATE && column.kind() != Column.Kind.TEXT) {
      return terms(column, values);
    }
    List<Translation> equalities = new ArrayList<>();
    for (Literal<?> value : values) {
      Optional<Translation> equality = equality(column, value);
      if (equality.isEmpty()) {
        return Optional.empty();
      }
      equalities.add(equality.get());
    }
    return Optional.of(Translation.any(equalities));
  }

  /** {@code op} is one of {@code < <= > >=}. */
  Optional<Translation> range(Column column, String op, Literal<?> literal) {
    if (column.kind() == Column.Kind.DATE && Literals.isDay(literal)) {
      // A day covers [start, next start): "< day" ends at its start, "<= day" at the next one.
      JsonNode start = Literals.dayStart(literal);
      JsonNode next = Literals.nextDay(literal);
      return range(column, switch (op) {
        case "<" -> Map.of("lt", start);
        case "<=" -> Map.of("lt", next);
        case ">" -> Map.of("gte", next);
        default -> Map.of("gte", start);
      });
    }
    String bound = switch (op) {
      case "<" -> "lt";
      case "<=" -> "lte";
      case ">" -> "gt";
      default -> "gte";
    };
    return Literals.value(column, literal).flatMap(v -> range(column, Map.of(bound, v)));
  }

  /** STARTS_WITH, ENDS_WITH, CONTAINS: case-sensitive prefix and wildcard queries, exact. */
  Optional<Translation> stringMatch(String name, Column column, Literal<?> literal) {
    if (!plainKeyword(column)) {
      return Optional.empty();
    }
    return Literals.value(column, literal).map(JsonNode::asText).map(value -> {
      String path = column.termField().path();
      ObjectNode query = switch (name) {
        case "STARTS_WITH" -> Queries.prefix(path, value);
        case "ENDS_WITH" -> Queries.wildcard(path, "*" + escapeWildcard(value));
        default -> Queries.wildcard(path, "*" + escapeWildcard(value) + "*");
      };
      return leaf(column, query, true);
    });
  }

  Optional<Translation> isNull(Column column) {
    if (column.kind() == Column.Kind.UNSUPPORTED) {
      return Optional.empty();
    }
    return column.exists().map(exists -> Translation.exact(Queries.mustNot(exists), exists));
  }

  /** The wildcard query's own syntax characters, taken literally. */
  static String escapeWildcard(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == '*' || c == '?') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /**
   * term (one value) or terms on the term field. Exact unless the field normalizes values or is an
   * ip (one address has several spellings); values over ignore_above are not indexed, so they
   * cannot be pushed.
   */
  private static Optional<Translation> terms(Column column, List<Literal<?>> literals) {
    List<JsonNode> values = new ArrayList<>();
    for (Literal<?> literal : literals) {
      Optional<JsonNode> value = Literals.value(column, literal);
      if (value.isEmpty() || tooLong(column, value.get())) {
        return Optional.empty();
      }
      values.add(value.get());
    }
    String path = column.termField().path();
    ObjectNode query = values.size() == 1 ? Queries.term(path, values.get(0)) : Queries.terms(path, values);
    boolean exact = !column.normalized() && column.kind() != Column.Kind.IP;
    return Optional.of(leaf(column, query, exact));
  }

  private static boolean tooLong(Column column, JsonNode value) {
    return value.isTextual() && column.ignoreAbove().isPresent()
        && value.asText().length() > column.ignoreAbove().getAsInt();
  }

  /** Ranges on keyword (byte order, as Spark compares strings), numeric and date fields. */
  private static Optional<Translation> range(Column column, Map<String, JsonNode> bounds) {
    boolean ordered = switch (column.kind()) {
      case KEYWORD -> plainKeyword(column);
      case NUMBER, DATE -> true;
      default -> false;
    };
    if (!ordered) {
      return Optional.empty();
    }
    String format = column.kind() == Column.Kind.DATE ? Literals.DATE_FORMAT : null;
    // Sorted keys keep the JSON stable (gte before lt) whatever map the caller built.
    Map<String, JsonNode> sorted = new LinkedHashMap<>();
    bounds.keySet().stream().sorted().forEach(k -> sorted.put(k, bounds.get(k)));
    return Optional.of(leaf(column, Queries.range(column.termField().path(), sorted, format), true));
  }

  /** A keyword field whose index holds every value unchanged: needed by range, prefix, wildcard. */
  private static boolean plainKeyword(Column column) {
    return column.kind() == Column.Kind.KEYWORD && !column.normalized() && column.ignoreAbove().isEmpty();
  }

  /**
   * A query on one column. Its FALSE rows are those where the column has a value the query does
   * not match; a field whose presence cannot be checked exactly has unknown FALSE rows.
   */
  private static Translation leaf(Column column, ObjectNode query, boolean exact) {
    ObjectNode whenTrue = column.inNested(query);
    Optional<ObjectNode> exists = column.exists();
    if (!exact || exists.isEmpty()) {
      return new Translation(whenTrue, Optional.empty(), exact);
    }
    return Translation.exact(whenTrue, Queries.existsButNot(exists.get(), whenTrue));
  }
}
