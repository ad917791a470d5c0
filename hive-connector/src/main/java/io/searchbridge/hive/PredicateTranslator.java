package io.searchbridge.hive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.mapping.Field;
import io.searchbridge.core.mapping.FieldType;
import io.searchbridge.core.mapping.ResolvedMapping;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.hive.common.type.HiveChar;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.common.type.HiveVarchar;
import org.apache.hadoop.hive.ql.plan.ExprNodeColumnDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeConstantDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeGenericFuncDesc;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDF;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPAnd;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPEqual;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPEqualOrGreaterThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPEqualOrLessThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPGreaterThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPLessThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNotEqual;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNotNull;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNull;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPOr;

/**
 * Turns a Hive predicate into query DSL that matches at least the documents whose rows Hive keeps.
 * Hive evaluates the whole predicate again on what is read, so anything that cannot be translated
 * safely is left out: an AND keeps its translatable operands, an OR needs all of them.
 *
 * <p>Which comparisons are safe depends on the field's mapping: numbers, booleans and keywords
 * (without normalizer or ignore_above, which change or drop indexed values) take term, range and
 * exists queries that match what Hive compares; a text field takes {@code =} as a match of all
 * its tokens. Literals must have the field's kind (a number for a numeric field ...), so that
 * Hive's conversions cannot make a row equal that Elasticsearch finds different.
 */
final class PredicateTranslator {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.LONG, FieldType.INTEGER, FieldType.SHORT,
      FieldType.BYTE, FieldType.DOUBLE, FieldType.FLOAT, FieldType.UNSIGNED_LONG);

  private final ColumnMapping columns;
  private final ResolvedMapping mapping;

  PredicateTranslator(ColumnMapping columns, ResolvedMapping mapping) {
    this.columns = columns;
    this.mapping = mapping;
  }

  Optional<ObjectNode> translate(ExprNodeDesc expression) {
    if (!(expression instanceof ExprNodeGenericFuncDesc call)) {
      return Optional.empty();
    }
    GenericUDF function = call.getGenericUDF();
    List<ExprNodeDesc> operands = call.getChildren();
    if (function instanceof GenericUDFOPAnd) {
      List<ObjectNode> parts = new ArrayList<>();
      operands.forEach(operand -> translate(operand).ifPresent(parts::add));
      return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : bool("filter", parts));
    }
    if (function instanceof GenericUDFOPOr) {
      List<ObjectNode> parts = new ArrayList<>();
      for (ExprNodeDesc operand : operands) {
        Optional<ObjectNode> part = translate(operand);
        if (part.isEmpty()) {
          return Optional.empty();
        }
        parts.add(part.get());
      }
      ObjectNode should = bool("should", parts);
      ((ObjectNode) should.get("bool")).put("minimum_should_match", 1);
      return Optional.of(should);
    }
    if (function instanceof GenericUDFOPNull || function instanceof GenericUDFOPNotNull) {
      return operands.get(0) instanceof ExprNodeColumnDesc column
          ? field(column).flatMap(field -> nullTest(field, function instanceof GenericUDFOPNull))
          : Optional.empty();
    }
    return comparison(function, operands);
  }

  private Optional<ObjectNode> comparison(GenericUDF function, List<ExprNodeDesc> operands) {
    if (operands.size() != 2) {
      return Optional.empty();
    }
    boolean columnFirst = operands.get(0) instanceof ExprNodeColumnDesc && operands.get(1) instanceof ExprNodeConstantDesc;
    boolean columnSecond = operands.get(1) instanceof ExprNodeColumnDesc && operands.get(0) instanceof ExprNodeConstantDesc;
    if (!columnFirst && !columnSecond) {
      return Optional.empty();
    }
    ExprNodeColumnDesc column = (ExprNodeColumnDesc) operands.get(columnFirst ? 0 : 1);
    Optional<JsonNode> literal = literal(((ExprNodeConstantDesc) operands.get(columnFirst ? 1 : 0)).getValue());
    Optional<Field> field = field(column);
    if (literal.isEmpty() || field.isEmpty()) {
      return Optional.empty();
    }
    String path = field.get().path();
    JsonNode value = literal.get();
    if (field.get().type() == FieldType.TEXT) {
      return function instanceof GenericUDFOPEqual && value.isTextual() ? Optional.of(match(path, value.asText())) : Optional.empty();
    }
    if (!exact(field.get()) || !sameKind(field.get(), value)) {
      return Optional.empty();
    }
    if (function instanceof GenericUDFOPEqual) {
      return Optional.of(leaf("term", path, value));
    }
    if (function instanceof GenericUDFOPNotEqual) {
      ObjectNode body = JSON.objectNode();
      body.putArray("filter").add(exists(path));
      body.putArray("must_not").add(leaf("term", path, value));
      return Optional.of(wrap("bool", body));
    }
    String bound = bound(function, columnFirst);
    return bound == null || field.get().type() == FieldType.BOOLEAN ? Optional.empty()
        : Optional.of(leaf("range", path, JSON.objectNode().set(bound, value)));
  }

  /** The range bound of {@code column OP literal}; flipped when the literal comes first. */
  private static String bound(GenericUDF function, boolean columnFirst) {
    String bound = function instanceof GenericUDFOPLessThan ? "lt"
        : function instanceof GenericUDFOPEqualOrLessThan ? "lte"
        : function instanceof GenericUDFOPGreaterThan ? "gt"
        : function instanceof GenericUDFOPEqualOrGreaterThan ? "gte" : null;
    if (bound == null || columnFirst) {
      return bound;
    }
    return bound.startsWith("l") ? "g" + bound.substring(1) : "l" + bound.substring(1);
  }

  /**
   * IS NOT NULL: the field has a value. IS NULL: it has none, or (keywords) is empty, since empty
   * strings read as NULL by default; a null_value in the mapping indexes NULLs, so nothing is pushed.
   */
  private Optional<ObjectNode> nullTest(Field field, boolean isNull) {
    if (!isNull) {
      return exact(field) || field.type() == FieldType.TEXT ? Optional.of(exists(field.path())) : Optional.empty();
    }
    if (!exact(field) || field.params().containsKey("null_value")) {
      return Optional.empty();
    }
    List<ObjectNode> either = new ArrayList<>();
    either.add(bool("must_not", List.of(exists(field.path()))));
    if (field.type() == FieldType.KEYWORD) {
      either.add(leaf("term", field.path(), JSON.textNode("")));
    }
    ObjectNode should = bool("should", either);
    ((ObjectNode) should.get("bool")).put("minimum_should_match", 1);
    return Optional.of(should);
  }

  private Optional<Field> field(ExprNodeColumnDesc column) {
    String path = columns.field(column.getColumn());
    return path == null ? Optional.empty() : mapping.find(path);
  }

  private static boolean exact(Field field) {
    if (field.type() == FieldType.KEYWORD) {
      return !field.params().containsKey("normalizer") && !field.params().containsKey("ignore_above");
    }
    return NUMBERS.contains(field.type()) || field.type() == FieldType.BOOLEAN;
  }

  private static boolean sameKind(Field field, JsonNode value) {
    return field.type() == FieldType.KEYWORD ? value.isTextual()
        : field.type() == FieldType.BOOLEAN ? value.isBoolean() : value.isNumber();
  }

  private static Optional<JsonNode> literal(Object value) {
    if (value instanceof String || value instanceof HiveChar || value instanceof HiveVarchar) {
      String text = value instanceof HiveChar hiveChar ? hiveChar.getStrippedValue() : value.toString();
      return Optional.of(JSON.textNode(text));
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return Optional.of(JSON.numberNode(((Number) value).longValue()));
    }
    if (value instanceof Double || value instanceof Float) {
      return Optional.of(JSON.numberNode(((Number) value).doubleValue()));
    }
    if (value instanceof HiveDecimal decimal) {
      return Optional.of(JSON.numberNode(decimal.bigDecimalValue()));
    }
    return value instanceof Boolean b ? Optional.of(JSON.booleanNode(b)) : Optional.empty();
  }

  /**
   * All tokens must match; zero_terms_query=all keeps it a superset when the analyzer removes every
   * token (stop words), since Hive compares the whole value afterwards.
   */
  private static ObjectNode match(String path, String text) {
    ObjectNode body = JSON.objectNode().put("query", text).put("operator", "and").put("zero_terms_query", "all");
    return leaf("match", path, body);
  }

  private static ObjectNode exists(String path) {
    return wrap("exists", JSON.objectNode().put("field", path));
  }

  private static ObjectNode leaf(String query, String path, JsonNode body) {
    return wrap(query, JSON.objectNode().set(path, body));
  }

  private static ObjectNode bool(String occur, List<ObjectNode> queries) {
    ObjectNode body = JSON.objectNode();
    body.putArray(occur).addAll(queries);
    return wrap("bool", body);
  }

  private static ObjectNode wrap(String name, JsonNode body) {
    return (ObjectNode) JSON.objectNode().set(name, body);
  }
}
