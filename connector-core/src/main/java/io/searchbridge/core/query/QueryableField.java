package io.searchbridge.core.query;

import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A mapped field as a query target: the field and the nested objects around it, and the rules of
 * which queries its mapping answers exactly. Every engine's translator (Spark's filters,
 * aggregations and sorts, Hive's predicates) asks here, so that they agree on which columns
 * Elasticsearch can see.
 *
 * @param field the mapped field a column reads
 * @param nestedPaths the paths of the nested fields that contain it, outermost first
 */
public record QueryableField(Field field, List<String> nestedPaths) {

  public QueryableField {
    nestedPaths = List.copyOf(nestedPaths);
  }

  /** The field at a dotted path; empty for paths the mapping does not know (metadata columns ...). */
  public static Optional<QueryableField> resolve(ResolvedMapping mapping, String path) {
    return mapping.find(path).map(field -> new QueryableField(field, nestedAncestors(mapping, path)));
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

  public FieldKind kind() {
    // A declared array is an array column in the engine: an empty array is "missing" for
    // Elasticsearch but not null for the engine, and comparisons do not apply to it.
    if (field.array()) {
      return FieldKind.UNSUPPORTED;
    }
    FieldType type = field.type();
    if (type == FieldType.KEYWORD || (isText() && field.keywordSubField().isPresent())) {
      return FieldKind.KEYWORD;
    }
    if (isText()) {
      return FieldKind.TEXT;
    }
    // scaled_float and half_float index a rounded value while _source (what engines read) keeps
    // the original, so the index cannot answer exactly for them.
    if (type.isNumeric() && type != FieldType.SCALED_FLOAT && type != FieldType.HALF_FLOAT) {
      return FieldKind.NUMBER;
    }
    if (type.isDate()) {
      return FieldKind.DATE;
    }
    if (type == FieldType.BOOLEAN) {
      return FieldKind.BOOLEAN;
    }
    return type == FieldType.IP ? FieldKind.IP : FieldKind.UNSUPPORTED;
  }

  /**
   * Whether the field's doc values hold its value unchanged, one per document: what sorting and
   * aggregations read. Not for text, nested paths (they need nested sorts and aggregations),
   * normalized keywords (they would order and group by the normalized value) or keywords with
   * ignore_above (long values would sort and group as missing).
   */
  public boolean columnar() {
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
  public Field termField() {
    return isText() ? field.keywordSubField().orElse(field) : field;
  }

  /** ignore_above of the term field: longer values are not indexed and no term query finds them. */
  public OptionalInt ignoreAbove() {
    Object limit = termField().params().get("ignore_above");
    return limit instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }

  /** A normalizer (lowercase, asciifolding ...) makes term queries match more than equal values. */
  public boolean normalized() {
    return termField().params().containsKey("normalizer");
  }

  /**
   * A null_value indexes a stand-in for JSON nulls: queries then match documents that engines read
   * as NULL, and exists cannot tell NULLs apart.
   */
  public boolean indexesNulls() {
    return field.params().containsKey("null_value") || termField().params().containsKey("null_value");
  }

  /** A keyword field whose index holds every value unchanged: needed by range, prefix, wildcard. */
  public boolean plainKeyword() {
    return kind() == FieldKind.KEYWORD && !normalized() && ignoreAbove().isEmpty();
  }

  /**
   * Whether the field has a value. A text field with a keyword sub-field checks both: the text
   * field misses values without tokens ("" or only punctuation), the sub-field misses values over
   * ignore_above. An exists on a bare keyword with ignore_above would miss long values, one on a
   * field with null_value would find NULLs: empty.
   */
  public Optional<Query> exists() {
    if (indexesNulls()) {
      return Optional.empty();
    }
    if (isText()) {
      return field.keywordSubField()
          .map(sub -> Query.should(List.of(new Query.Exists(field.path()), new Query.Exists(sub.path()))))
          .map(this::inNested);
    }
    if (ignoreAbove().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(inNested(new Query.Exists(field.path())));
  }

  /** Wraps a query on this field in one nested query per nested ancestor, innermost first. */
  public Query inNested(Query query) {
    List<String> innermostFirst = new ArrayList<>(nestedPaths);
    Collections.reverse(innermostFirst);
    Query wrapped = query;
    for (String path : innermostFirst) {
      wrapped = new Query.Nested(path, wrapped);
    }
    return wrapped;
  }

  private boolean isText() {
    return field.type() == FieldType.TEXT || field.type() == FieldType.MATCH_ONLY_TEXT;
  }
}
