package io.searchbridge.pushdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;

/**
 * A Spark column resolved against the mapping: the field it reads and the nested objects around
 * it. Shared by the filter, aggregation and sort translators so that all three agree on which
 * columns Elasticsearch can see.
 *
 * @param field the mapped field the column reads
 * @param nestedPaths the paths of the nested fields that contain it, outermost first
 */
record Column(Field field, List<String> nestedPaths) {

  /** What a field supports, decided once from its mapping. */
  enum Kind {
    /** keyword, or text whose keyword sub-field takes exact matches. */
    KEYWORD,
    /** text without a keyword sub-field: only full-text matches. */
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    IP,
    UNSUPPORTED
  }

  /**
   * The column behind {@code expression}, if it is a plain reference to a mapped field. Metadata
   * columns (_id, _score, ...) and columns the mapping does not know resolve to empty.
   */
  static Optional<Column> resolve(ResolvedMapping mapping, Expression expression) {
    if (!(expression instanceof NamedReference reference)) {
      return Optional.empty();
    }
    String path = String.join(".", reference.fieldNames());
    return mapping.find(path).map(field -> new Column(field, nestedAncestors(mapping, path)));
  }

  private static List<String> nestedAncestors(ResolvedMapping mapping, String path) {
    List<String> ancestors = new ArrayList<>();
    int dot = path.indexOf('.');
    while (dot > 0) {
      String prefix = path.substring(0, dot);
      if (mapping.find(prefix).filter(f -> f.type() == FieldType.NESTED).isPresent()) {
        ancestors.add(prefix);
      }
      dot = path.indexOf('.', dot + 1);
    }
    return ancestors;
  }

  Kind kind() {
    // A declared array is an ArrayType column in Spark: comparisons never reach it, and an empty
    // array is "missing" for Elasticsearch but not null for Spark.
    if (field.array()) {
      return Kind.UNSUPPORTED;
    }
    FieldType type = field.type();
    if (type == FieldType.KEYWORD || (isText() && field.keywordSubField().isPresent())) {
      return Kind.KEYWORD;
    }
    if (isText()) {
      return Kind.TEXT;
    }
    // scaled_float and half_float index a rounded value while _source (what Spark reads) keeps the
    // original, so the index cannot answer exactly for them.
    if (type.isNumeric() && type != FieldType.SCALED_FLOAT && type != FieldType.HALF_FLOAT) {
      return Kind.NUMBER;
    }
    if (type.isDate()) {
      return Kind.DATE;
    }
    if (type == FieldType.BOOLEAN) {
      return Kind.BOOLEAN;
    }
    return type == FieldType.IP ? Kind.IP : Kind.UNSUPPORTED;
  }

  /**
   * Whether the field's doc values hold its value unchanged, one per document: what sorting and
   * aggregations read. Not for text, nested paths (they need nested sorts and aggregations),
   * normalized keywords (they would order and group by the normalized value) or keywords with
   * ignore_above (long values would sort and group as missing).
   */
  boolean columnar() {
    if (!nestedPaths.isEmpty()) {
      return false;
    }
    return switch (kind()) {
      case NUMBER, DATE, BOOLEAN -> true;
      case KEYWORD -> field.type() == FieldType.KEYWORD && !normalized() && ignoreAbove().isEmpty();
      default -> false;
    };
  }

  /** Where term-level queries go: the keyword sub-field of a text field, else the field itself. */
  Field termField() {
    return isText() ? field.keywordSubField().orElse(field) : field;
  }

  /** ignore_above of the term field: longer values are not indexed and no term query finds them. */
  OptionalInt ignoreAbove() {
    Object limit = termField().params().get("ignore_above");
    return limit instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }

  /** A normalizer (lowercase, asciifolding ...) makes term queries match more than equal values. */
  boolean normalized() {
    return termField().params().containsKey("normalizer");
  }

  /**
   * Whether the field has a value. A text field with a keyword sub-field checks both: the text
   * field misses values without tokens ("" or only punctuation), the sub-field misses values over
   * ignore_above. An exists on a bare keyword with ignore_above would miss long values: empty.
   */
  Optional<ObjectNode> exists() {
    if (isText()) {
      return field.keywordSubField()
          .map(sub -> Queries.should(List.of(Queries.exists(field.path()), Queries.exists(sub.path()))))
          .map(this::inNested);
    }
    if (ignoreAbove().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(inNested(Queries.exists(field.path())));
  }

  /** Wraps a query on this field in one nested query per nested ancestor, innermost first. */
  ObjectNode inNested(ObjectNode query) {
    List<String> innermostFirst = new ArrayList<>(nestedPaths);
    Collections.reverse(innermostFirst);
    ObjectNode wrapped = query;
    for (String path : innermostFirst) {
      wrapped = Queries.nested(path, wrapped);
    }
    return wrapped;
  }

  private boolean isText() {
    return field.type() == FieldType.TEXT || field.type() == FieldType.MATCH_ONLY_TEXT;
  }
}
