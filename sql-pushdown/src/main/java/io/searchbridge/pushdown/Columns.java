package io.searchbridge.pushdown;

import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.QueryableField;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;

/** Spark column references as core's query targets, shared by the filter, aggregation and sort translators. */
final class Columns {

  private Columns() {}

  /**
   * The field behind {@code expression}, if it is a plain reference to a mapped field. Metadata
   * columns (_id, _score, ...) and columns the mapping does not know resolve to empty.
   */
  static Optional<QueryableField> resolve(ResolvedMapping mapping, Expression expression) {
    if (!(expression instanceof NamedReference reference)) {
      return Optional.empty();
    }
    return QueryableField.resolve(mapping, String.join(".", reference.fieldNames()));
  }
}
