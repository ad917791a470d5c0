package io.searchbridge.pushdown;

import io.searchbridge.core.query.Query;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * The outcome of pushing Spark's predicates.
 *
 * @param query a {@code bool.filter} query of every pushed predicate, or empty if none was
 * @param pushed the predicates in {@code query}, exact or not (for EXPLAIN)
 * @param postScan the predicates Spark must still evaluate: those not pushed and those pushed as a
 *     superset of their rows (full-text matches, normalized keywords, ip values)
 */
public record PushedFilters(Optional<Query> query, List<Predicate> pushed, List<Predicate> postScan) {

  public PushedFilters {
    pushed = List.copyOf(pushed);
    postScan = List.copyOf(postScan);
  }
}
