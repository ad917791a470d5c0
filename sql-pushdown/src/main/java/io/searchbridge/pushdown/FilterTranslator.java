package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.mapping.ResolvedMapping;
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
 * class resolves columns and literals and handles NULLs and logic; {@link ColumnPredicates} picks
 * the query each field type allows.
 */
public final class FilterTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(FilterTranslator.class);

  private final ResolvedMapping mapping;
  private final ColumnPredicates columns;

  /**
   * @param strict es.pushdown.strict: when false, an equality on a text field without a keyword
   *     sub-field becomes a match query that Spark re-checks; when true it stays in Spark
   */
  public FilterTranslator(ResolvedMapping mapping, boolean strict) {
    this.mapping = mapping;
    this.columns = new ColumnPredicates(strict);
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
      case "=", "<", "<=", ">", ">=" -> comparison(predicate.name(), args[0], args[1]);
      case "<>" -> comparison("=", args[0], args[1]).flatMap(Translation::negate);
      case "<=>" -> nullSafeEqual(args[0], args[1]);
      case "IN" -> in(args);
      case "IS_NULL" -> isNull(args[0]);
      case "IS_NOT_NULL" -> isNull(args[0]).flatMap(Translation::negate);
      case "STARTS_WITH", "ENDS_WITH", "CONTAINS" ->
          withLiteral(args[0], args[1], (column, literal) -> columns.stringMatch(predicate.name(), column, literal));
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
    return withLiteral(left, right, (column, literal) -> op.equals("=")
        ? columns.equality(column, literal)
        : columns.range(column, op, literal));
  }

  /**
   * A predicate on a mapped column and a literal; with a NULL literal it is NULL (neither TRUE nor
   * FALSE) for every row.
   */
  private Optional<Translation> withLiteral(
      Expression left, Expression right, BiFunction<Column, Literal<?>, Optional<Translation>> translate) {
    Optional<Column> column = Column.resolve(mapping, left);
    Optional<Literal<?>> literal = Literals.literal(right);
    if (column.isEmpty() || literal.isEmpty()) {
      return Optional.empty();
    }
    if (Literals.isNull(literal.get())) {
      return Optional.of(Translation.exact(Queries.matchNone(), Queries.matchNone()));
    }
    return translate.apply(column.get(), literal.get());
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
    if (column.isEmpty() || args.length == 1) {
      // An empty IN list has engine-specific NULL semantics; Spark evaluates it.
      return Optional.empty();
    }
    List<Literal<?>> values = new ArrayList<>();
    boolean hasNull = false;
    for (int i = 1; i < args.length; i++) {
      Optional<Literal<?>> literal = Literals.literal(args[i]);
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      if (Literals.isNull(literal.get())) {
        hasNull = true;
      } else {
        values.add(literal.get());
      }
    }
    Optional<Translation> translation = values.isEmpty()
        ? Optional.of(Translation.exact(Queries.matchNone(), Queries.matchNone()))
        : columns.anyEqual(column.get(), values);
    if (!hasNull) {
      return translation;
    }
    return translation.map(t -> t.exact() ? Translation.exact(t.whenTrue(), Queries.matchNone()) : t);
  }

  private Optional<Translation> isNull(Expression expression) {
    return Column.resolve(mapping, expression).flatMap(columns::isNull);
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
