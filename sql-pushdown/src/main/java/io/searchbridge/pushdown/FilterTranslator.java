package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.mapping.ResolvedMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark V2 predicates to Elasticsearch filter queries. One dispatch ({@link #build}) on the
 * predicate name, one small method per predicate; "cannot push" is {@code Optional.empty()}.
 * Every predicate Spark defines is either translated here or deliberately left to Spark.
 */
public final class FilterTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(FilterTranslator.class);

  private final ResolvedMapping mapping;
  private final boolean strict;

  /**
   * @param strict es.pushdown.strict: when false, an equality on a text field without a keyword
   *     sub-field becomes a match query that Spark re-checks; when true it stays in Spark
   */
  public FilterTranslator(ResolvedMapping mapping, boolean strict) {
    this.mapping = mapping;
    this.strict = strict;
  }

  /** Splits the predicates (and top-level ANDs) into pushed, re-checked and left to Spark. */
  public PushedFilters translate(Predicate[] predicates) {
    List<ObjectNode> queries = new ArrayList<>();
    List<Predicate> pushed = new ArrayList<>();
    List<Predicate> postScan = new ArrayList<>();
    for (Predicate predicate : conjuncts(predicates)) {
      Optional<Translation> translation = build(predicate);
      if (translation.isEmpty()) {
        LOG.debug("Predicate {} left to Spark: no translation for its operator, column or value", predicate);
        postScan.add(predicate);
        continue;
      }
      queries.add(translation.get().whenTrue());
      pushed.add(predicate);
      if (!translation.get().exact()) {
        LOG.debug("Predicate {} pushed as a superset; Spark re-checks it", predicate);
        postScan.add(predicate);
      }
    }
    Optional<String> query = queries.isEmpty() ? Optional.empty() : Optional.of(Queries.json(Queries.filter(queries)));
    return new PushedFilters(query, pushed, postScan);
  }

  /** One predicate as a query matching (at least) its TRUE rows; empty if it cannot be pushed. */
  public Optional<String> translate(Predicate predicate) {
    return build(predicate).map(t -> Queries.json(t.whenTrue()));
  }

  private static List<Predicate> conjuncts(Predicate[] predicates) {
    List<Predicate> out = new ArrayList<>();
    for (Predicate predicate : predicates) {
      if (predicate.name().equals("AND")) {
        conjuncts(new Predicate[] {(Predicate) predicate.children()[0], (Predicate) predicate.children()[1]})
            .forEach(out::add);
      } else {
        out.add(predicate);
      }
    }
    return out;
  }

  private Optional<Translation> build(Predicate predicate) {
    Expression[] args = predicate.children();
    return switch (predicate.name()) {
      case "=", "<", "<=", ">", ">=" -> comparison(predicate.name(), args[0], args[1]);
      case "<>" -> comparison("=", args[0], args[1]).flatMap(Translation::negate);
      case "<=>" -> nullSafeEqual(args[0], args[1]);
      case "IN" -> in(args);
      case "IS_NULL" -> isNull(args[0]);
      case "IS_NOT_NULL" -> isNull(args[0]).flatMap(Translation::negate);
      case "STARTS_WITH", "ENDS_WITH", "CONTAINS" -> stringMatch(predicate.name(), args[0], args[1]);
      case "AND" -> and(args);
      case "OR" -> or(args);
      case "NOT" -> predicate(args[0]).flatMap(this::build).flatMap(Translation::negate);
      case "ALWAYS_TRUE" -> Optional.of(Translation.exact(Queries.matchAll(), Queries.matchNone()));
      case "ALWAYS_FALSE" -> Optional.of(Translation.exact(Queries.matchNone(), Queries.matchAll()));
      default -> Optional.empty();
    };
  }

  /** {@code column op literal}, also written {@code literal op column}. */
  private Optional<Translation> comparison(String op, Expression left, Expression right) {
    if (Literals.literal(left).isPresent() && Literals.literal(right).isEmpty()) {
      return comparison(flip(op), right, left);
    }
    Optional<Column> column = Column.resolve(mapping, left);
    Optional<Literal<?>> literal = Literals.literal(right);
    if (column.isEmpty() || literal.isEmpty()) {
      return Optional.empty();
    }
    if (Literals.isNull(literal.get())) {
      // A comparison with NULL is NULL: neither TRUE nor FALSE for any row.
      return Optional.of(Translation.exact(Queries.matchNone(), Queries.matchNone()));
    }
    return op.equals("=") ? equality(column.get(), literal.get()) : range(column.get(), op, literal.get());
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private Optional<Translation> equality(Column column, Literal<?> literal) {
    return switch (column.kind()) {
      case DATE -> Literals.isDay(literal)
          ? range(column, Map.of("gte", Literals.day(literal).orElseThrow(), "lt", Literals.nextDay(literal)))
          : Literals.value(column, literal).flatMap(v -> range(column, Map.of("gte", v, "lte", v)));
      case TEXT -> strict
          ? Optional.empty()
          : Literals.value(column, literal)
              .map(v -> Translation.superset(column.inNested(Queries.match(column.field().path(), v.asText()))));
      default -> terms(column, List.of(literal));
    };
  }

  /**
   * term (one value) or terms on the term field. Exact unless the field normalizes values or is an
   * ip (one address has several spellings); values over ignore_above are not indexed, so they
   * cannot be pushed.
   */
  private Optional<Translation> terms(Column column, List<Literal<?>> literals) {
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

  private Optional<Translation> range(Column column, String op, Literal<?> literal) {
    if (column.kind() == Column.Kind.DATE && Literals.isDay(literal)) {
      // A day covers [start, next start): "< day" ends at its start, "<= day" at the next one.
      JsonNode start = Literals.day(literal).orElseThrow();
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

  /** Ranges on keyword (byte order, as Spark compares strings), numeric and date fields. */
  private Optional<Translation> range(Column column, Map<String, JsonNode> bounds) {
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

  /** {@code <=>} is never NULL: with a NULL literal it is IS NULL, otherwise missing is FALSE. */
  private Optional<Translation> nullSafeEqual(Expression left, Expression right) {
    if (Literals.literal(left).isPresent() && Literals.literal(right).isEmpty()) {
      return nullSafeEqual(right, left);
    }
    Optional<Literal<?>> literal = Literals.literal(right);
    if (literal.isPresent() && Literals.isNull(literal.get())) {
      return isNull(left);
    }
    return comparison("=", left, right)
        .map(eq -> eq.exact() ? Translation.exact(eq.whenTrue(), Queries.mustNot(eq.whenTrue())) : eq);
  }

  /**
   * {@code a IN (v1, v2, NULL)} is TRUE where a is v1 or v2 and never FALSE: for other values the
   * NULL makes it NULL.
   */
  private Optional<Translation> in(Expression[] args) {
    Optional<Column> column = Column.resolve(mapping, args[0]);
    List<Literal<?>> values = new ArrayList<>();
    boolean hasNull = false;
    for (int i = 1; i < args.length; i++) {
      Optional<Literal<?>> literal = Literals.literal(args[i]);
      if (column.isEmpty() || literal.isEmpty()) {
        return Optional.empty();
      }
      if (Literals.isNull(literal.get())) {
        hasNull = true;
      } else {
        values.add(literal.get());
      }
    }
    if (column.isEmpty() || args.length == 1) {
      // An empty IN list has engine-specific NULL semantics; Spark evaluates it.
      return Optional.empty();
    }
    Optional<Translation> translation = values.isEmpty()
        ? Optional.of(Translation.exact(Queries.matchNone(), Queries.matchNone()))
        : anyEqual(column.get(), values);
    if (!hasNull) {
      return translation;
    }
    return translation.map(t -> t.exact() ? Translation.exact(t.whenTrue(), Queries.matchNone()) : t);
  }

  private Optional<Translation> anyEqual(Column column, List<Literal<?>> values) {
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

  private Optional<Translation> isNull(Expression expression) {
    return Column.resolve(mapping, expression)
        .filter(column -> column.kind() != Column.Kind.UNSUPPORTED)
        .flatMap(Column::exists)
        .map(exists -> Translation.exact(Queries.mustNot(exists), exists));
  }

  /** Case-sensitive prefix and wildcard queries on a plain keyword: exact. */
  private Optional<Translation> stringMatch(String name, Expression left, Expression right) {
    Optional<Column> column = Column.resolve(mapping, left).filter(FilterTranslator::plainKeyword);
    Optional<Literal<?>> literal = Literals.literal(right);
    if (column.isEmpty() || literal.isEmpty()) {
      return Optional.empty();
    }
    if (Literals.isNull(literal.get())) {
      return Optional.of(Translation.exact(Queries.matchNone(), Queries.matchNone()));
    }
    return Literals.value(column.get(), literal.get()).map(JsonNode::asText).map(value -> {
      String path = column.get().termField().path();
      ObjectNode query = switch (name) {
        case "STARTS_WITH" -> Queries.prefix(path, value);
        case "ENDS_WITH" -> Queries.wildcard(path, "*" + escapeWildcard(value));
        default -> Queries.wildcard(path, "*" + escapeWildcard(value) + "*");
      };
      return leaf(column.get(), query, true);
    });
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

  /** AND inside OR/NOT: the translatable children narrow the rows; Spark re-checks if any is left. */
  private Optional<Translation> and(Expression[] args) {
    List<Translation> parts = new ArrayList<>();
    for (Expression arg : args) {
      predicate(arg).flatMap(this::build).ifPresent(parts::add);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(Translation.all(parts, parts.size() == args.length));
  }

  private Optional<Translation> or(Expression[] args) {
    List<Translation> parts = new ArrayList<>();
    for (Expression arg : args) {
      Optional<Translation> part = predicate(arg).flatMap(this::build);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      parts.add(part.get());
    }
    return Optional.of(Translation.any(parts));
  }

  private static Optional<Predicate> predicate(Expression expression) {
    return expression instanceof Predicate p ? Optional.of(p) : Optional.empty();
  }
}
