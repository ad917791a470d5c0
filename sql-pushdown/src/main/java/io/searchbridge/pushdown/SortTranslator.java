package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.QueryableField;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ORDER BY on sortable columns to a sort array; all keys or none, since order is positional. */
public final class SortTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(SortTranslator.class);

  private final ResolvedMapping mapping;

  public SortTranslator(ResolvedMapping mapping) {
    this.mapping = mapping;
  }

  public Optional<PushedSort> translate(SortOrder[] orders) {
    ArrayNode sort = Json.MAPPER.createArrayNode();
    for (SortOrder order : orders) {
      Optional<QueryableField> column = Columns.resolve(mapping, order.expression()).filter(QueryableField::columnar);
      if (column.isEmpty()) {
        LOG.debug("Sort not pushed: {} is not a sortable field", order.expression());
        return Optional.empty();
      }
      sort.add(key(column.get(), order));
    }
    return orders.length == 0 ? Optional.empty() : Optional.of(new PushedSort(sort.toString()));
  }

  /**
   * unmapped_type lets indexes of a pattern that lack the field sort it as missing instead of
   * failing the search.
   */
  private static ObjectNode key(QueryableField column, SortOrder order) {
    ObjectNode body =
        Json.MAPPER.createObjectNode()
            .put("order", order.direction() == SortDirection.ASCENDING ? "asc" : "desc")
            .put("missing", order.nullOrdering() == NullOrdering.NULLS_FIRST ? "_first" : "_last")
            .put("unmapped_type", column.field().esType());
    return (ObjectNode) Json.MAPPER.createObjectNode().set(column.field().path(), body);
  }
}
