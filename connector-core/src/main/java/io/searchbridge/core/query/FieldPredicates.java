package io.searchbridge.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predicates on one field and non-null values: which query the field's mapping allows and whether
 * it is exact. Engine translators resolve columns and literals and handle NULLs and logic; this
 * class knows the field types.
 */
public final class FieldPredicates {

  private final boolean strict;

  /**
   * @param strict es.pushdown.strict: when false, an equality on a text field without a keyword
   *     sub-field becomes a match query that the engine re-checks; when true it is not pushed
   */
  public FieldPredicates(boolean strict) {
    this.strict = strict;
  }

  public Optional<Translation> equality(QueryableField field, Value value) {
    return switch (field.kind()) {
      // term has no format parameter, so a point in time is a closed range.
      case DATE -> value instanceof Value.Day day
          ? range(field, Map.of(RangeBound.GTE, FieldValues.dayStart(day), RangeBound.LT, FieldValues.nextDay(day)))
          : FieldValues.json(field, value).flatMap(v -> range(field, Map.of(RangeBound.GTE, v, RangeBound.LTE, v)));
      case TEXT -> strict
          ? Optional.empty()
          : FieldValues.json(field, value)
              .map(v -> Translation.superset(field.inNested(new Query.Match(field.field().path(), v.asText()))));
      default -> terms(field, List.of(value));
    };
  }

  /** Any of the values: one terms query where the field takes terms, else OR of equalities. */
  public Optional<Translation> anyEqual(QueryableField field, List<Value> values) {
    if (field.kind() != FieldKind.DATE && field.kind() != FieldKind.TEXT) {
      return terms(field, values);
    }
    List<Translation> equalities = new ArrayList<>();
    for (Value value : values) {
      Optional<Translation> equality = equality(field, value);
      if (equality.isEmpty()) {
        return Optional.empty();
      }
      equalities.add(equality.get());
    }
    return Optional.of(Translation.any(equalities));
  }

  /** {@code field <op> value}, the comparison named by its range bound. */
  public Optional<Translation> range(QueryableField field, RangeBound comparison, Value value) {
    if (field.kind() == FieldKind.DATE && value instanceof Value.Day day) {
      // A day covers [start, next start): "< day" ends at its start, "<= day" at the next one.
      JsonNode start = FieldValues.dayStart(day);
      JsonNode next = FieldValues.nextDay(day);
      return range(field, switch (comparison) {
        case LT -> Map.of(RangeBound.LT, start);
        case LTE -> Map.of(RangeBound.LT, next);
        case GT -> Map.of(RangeBound.GTE, next);
        case GTE -> Map.of(RangeBound.GTE, start);
      });
    }
    return FieldValues.json(field, SignedZeros.bound(comparison, value)).flatMap(v -> range(field, Map.of(comparison, v)));
  }

  /** STARTS_WITH, ENDS_WITH, CONTAINS: case-sensitive prefix and wildcard queries, exact. */
  public Optional<Translation> stringMatch(StringMatch match, QueryableField field, Value value) {
    if (!field.plainKeyword()) {
      return Optional.empty();
    }
    return FieldValues.json(field, value).map(JsonNode::asText).map(text -> {
      String path = field.termField().path();
      Query query = switch (match) {
        case STARTS_WITH -> new Query.Prefix(path, text);
        case ENDS_WITH -> new Query.Wildcard(path, "*" + escapeWildcard(text));
        case CONTAINS -> new Query.Wildcard(path, "*" + escapeWildcard(text) + "*");
      };
      return leaf(field, query, true);
    });
  }

  public Optional<Translation> isNull(QueryableField field) {
    if (field.kind() == FieldKind.UNSUPPORTED) {
      return Optional.empty();
    }
    return field.exists().map(exists -> Translation.exact(Query.mustNot(exists), exists));
  }

  /** The wildcard query's own syntax characters, taken literally. */
  public static String escapeWildcard(String value) {
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
   * cannot be pushed. A floating-point zero is both zeros ({@link SignedZeros}).
   */
  private static Optional<Translation> terms(QueryableField field, List<Value> values) {
    List<JsonNode> jsonValues = new ArrayList<>();
    for (Value value : values.stream().flatMap(v -> SignedZeros.equalTo(v).stream()).toList()) {
      Optional<JsonNode> json = FieldValues.json(field, value);
      if (json.isEmpty() || tooLong(field, json.get())) {
        return Optional.empty();
      }
      jsonValues.add(json.get());
    }
    String path = field.termField().path();
    Query query = jsonValues.size() == 1 ? new Query.Term(path, jsonValues.get(0)) : new Query.Terms(path, jsonValues);
    boolean exact = !field.normalized() && field.kind() != FieldKind.IP;
    return Optional.of(leaf(field, query, exact));
  }

  private static boolean tooLong(QueryableField field, JsonNode value) {
    return value.isTextual() && field.ignoreAbove().isPresent()
        && value.asText().length() > field.ignoreAbove().getAsInt();
  }

  /** Ranges on keyword (byte order, as engines compare strings), numeric and date fields. */
  private static Optional<Translation> range(QueryableField field, Map<RangeBound, JsonNode> bounds) {
    boolean ordered = switch (field.kind()) {
      case KEYWORD -> field.plainKeyword();
      case NUMBER, DATE -> true;
      default -> false;
    };
    if (!ordered) {
      return Optional.empty();
    }
    Optional<String> format = field.kind() == FieldKind.DATE ? Optional.of(FieldValues.DATE_FORMAT) : Optional.empty();
    return Optional.of(leaf(field, new Query.Range(field.termField().path(), bounds, format), true));
  }

  /**
   * A query on one field. Its FALSE rows are those where the field has a value the query does not
   * match; a field whose presence cannot be checked exactly has unknown FALSE rows. A field that
   * indexes a null_value matches NULLs too: never exact.
   */
  private static Translation leaf(QueryableField field, Query query, boolean exact) {
    Query whenTrue = field.inNested(query);
    Optional<Query> exists = field.exists();
    if (!exact || field.indexesNulls()) {
      return Translation.superset(whenTrue);
    }
    if (exists.isEmpty()) {
      return new Translation(whenTrue, Optional.empty(), true);
    }
    return Translation.exact(whenTrue, Query.existsButNot(exists.get(), whenTrue));
  }
}
