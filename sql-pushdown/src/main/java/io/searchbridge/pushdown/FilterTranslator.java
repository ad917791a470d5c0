package io.searchbridge.pushdown;

import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.FieldPredicates;
import io.searchbridge.core.query.Query;
import io.searchbridge.core.query.QueryableField;
import io.searchbridge.core.query.RangeBound;
import io.searchbridge.core.query.StringMatch;
import io.searchbridge.core.query.Translation;
import io.searchbridge.core.query.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark V2 predicates to Elasticsearch filter queries. One dispatch ({@link #build}) on the
 * predicate name, one small method per predicate; "cannot push" is {@code Optional.empty()}.
 * Every predicate Spark defines is either translated here or deliberately left to Spark. This
 * class resolves columns and literals and handles NULLs and logic; core's {@link FieldPredicates}
 * picks the query each field type allows.
 */
public final class FilterTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(FilterTranslator.class);

  private final ResolvedMapping mapping;
  private final FieldPredicates fields;

  /**
   * @param strict es.pushdown.strict: when false, an equality on a text field without a keyword
   *     sub-field becomes a match query that Spark re-checks; when true it stays in Spark
   */
  public FilterTranslator(ResolvedMapping mapping, boolean strict) {
    this.mapping = mapping;
    this.fields = new FieldPredicates(strict);
  }

  /** Splits the predicates (and top-level ANDs) into pushed, re-checked and left to Spark. */
  public PushedFilters translate(Predicate[] predicates) {
    List<Query> queries = new ArrayList<>();
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
    Optional<Query> query = queries.isEmpty() ? Optional.empty() : Optional.of(Query.filter(queries));
    return new PushedFilters(query, pushed, postScan);
  }

  /** One predicate as a query matching (at least) its TRUE rows; empty if it cannot be pushed. */
  public Optional<Query> translate(Predicate predicate) {
    return build(predicate).map(Translation::whenTrue);
  }

  private static List<Predicate> conjuncts(Predicate[] predicates) {
    List<Predicate> out = new ArrayList<>();
    for (Predicate predicate : predicates) {
      if (predicate.name().equals("AND")) {
        out.addAll(conjuncts(new Predicate[] {(Predicate) predicate.children()[0], (Predicate) predicate.children()[1]}));
      } else {
        out.add(predicate);
      }
    }
    return out;
  }

  private Optional<Translation> build(Predicate predicate) {
    Expression[] args = predicate.children();
    return switch (predicate.name()) {
      case "=" -> equality(args[0], args[1]);
      case "<" -> comparison(RangeBound.LT, args[0], args[1]);
      case "<=" -> comparison(RangeBound.LTE, args[0], args[1]);
      case ">" -> comparison(RangeBound.GT, args[0], args[1]);
      case ">=" -> comparison(RangeBound.GTE, args[0], args[1]);
      case "<>" -> equality(args[0], args[1]).flatMap(Translation::negate);
      case "<=>" -> nullSafeEqual(args[0], args[1]);
      case "IN" -> in(args);
      case "IS_NULL" -> isNull(args[0]);
      case "IS_NOT_NULL" -> isNull(args[0]).flatMap(Translation::negate);
      case "STARTS_WITH", "ENDS_WITH", "CONTAINS" -> withLiteral(args[0], args[1],
          (field, value) -> fields.stringMatch(StringMatch.valueOf(predicate.name()), field, value));
      case "AND" -> and(args);
      case "OR" -> or(args);
      case "NOT" -> predicate(args[0]).flatMap(this::build).flatMap(Translation::negate);
      case "ALWAYS_TRUE" -> Optional.of(Translation.exact(Query.matchAll(), Query.matchNone()));
      case "ALWAYS_FALSE" -> Optional.of(Translation.exact(Query.matchNone(), Query.matchAll()));
      default -> Optional.empty();
    };
  }

  /** {@code column = literal}, also written {@code literal = column}. */
  private Optional<Translation> equality(Expression left, Expression right) {
    if (Literals.literal(left).isPresent() && Literals.literal(right).isEmpty()) {
      return equality(right, left);
    }
    return withLiteral(left, right, fields::equality);
  }

  /** {@code column op literal}, also written {@code literal op column}. */
  private Optional<Translation> comparison(RangeBound op, Expression left, Expression right) {
    if (Literals.literal(left).isPresent() && Literals.literal(right).isEmpty()) {
      return comparison(op.flipped(), right, left);
    }
    return withLiteral(left, right, (field, value) -> fields.range(field, op, value));
  }

  /**
   * A predicate on a mapped column and a literal; with a NULL literal it is NULL (neither TRUE nor
   * FALSE) for every row.
   */
  private Optional<Translation> withLiteral(
      Expression left, Expression right, BiFunction<QueryableField, Value, Optional<Translation>> translate) {
    Optional<QueryableField> field = Columns.resolve(mapping, left);
    Optional<Literal<?>> literal = Literals.literal(right);
    if (field.isEmpty() || literal.isEmpty()) {
      return Optional.empty();
    }
    if (Literals.isNull(literal.get())) {
      return Optional.of(Translation.neverTrueNorFalse());
    }
    return Literals.value(literal.get()).flatMap(value -> translate.apply(field.get(), value));
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
    return equality(left, right)
        .map(eq -> eq.exact() ? Translation.exact(eq.whenTrue(), Query.mustNot(eq.whenTrue())) : eq);
  }

  /**
   * {@code a IN (v1, v2, NULL)} is TRUE where a is v1 or v2 and never FALSE: for other values the
   * NULL makes it NULL.
   */
  private Optional<Translation> in(Expression[] args) {
    Optional<QueryableField> field = Columns.resolve(mapping, args[0]);
    if (field.isEmpty() || args.length == 1) {
      // An empty IN list has engine-specific NULL semantics; Spark evaluates it.
      return Optional.empty();
    }
    List<Value> values = new ArrayList<>();
    boolean hasNull = false;
    for (int i = 1; i < args.length; i++) {
      Optional<Literal<?>> literal = Literals.literal(args[i]);
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      if (Literals.isNull(literal.get())) {
        hasNull = true;
        continue;
      }
      Optional<Value> value = Literals.value(literal.get());
      if (value.isEmpty()) {
        return Optional.empty();
      }
      values.add(value.get());
    }
    Optional<Translation> translation = values.isEmpty()
        ? Optional.of(Translation.neverTrueNorFalse())
        : fields.anyEqual(field.get(), values);
    if (!hasNull) {
      return translation;
    }
    return translation.map(t -> t.exact() ? Translation.exact(t.whenTrue(), Query.matchNone()) : t);
  }

  private Optional<Translation> isNull(Expression expression) {
    return Columns.resolve(mapping, expression).flatMap(fields::isNull);
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
