package io.searchbridge.hive;

import com.fasterxml.jackson.databind.node.TextNode;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.query.FieldKind;
import io.searchbridge.core.query.FieldPredicates;
import io.searchbridge.core.query.Query;
import io.searchbridge.core.query.QueryableField;
import io.searchbridge.core.query.RangeBound;
import io.searchbridge.core.query.Translation;
import io.searchbridge.core.query.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;

/**
 * Turns a Hive predicate into query DSL that matches at least the documents whose rows Hive keeps.
 * Hive evaluates the whole predicate again on what is read, so anything that cannot be translated
 * safely is left out: an AND keeps its translatable operands, an OR needs all of them.
 *
 * <p>Which query a field takes, and whether it is exact, is core's {@link FieldPredicates}: the
 * same rules as Spark's pushdown. Literals must have the field's kind (a number for a numeric
 * field ...), so that Hive's conversions cannot make a row equal that Elasticsearch finds
 * different. Only primitive columns are translated: an array, map or struct column reads {@code []}
 * and {@code {}} as values, which Elasticsearch counts as missing.
 */
final class PredicateTranslator {

  /** Hive re-checks every row, so full-text matches on text fields may be pushed as supersets. */
  private static final FieldPredicates FIELDS = new FieldPredicates(false);

  private final ColumnMapping columns;
  private final ResolvedMapping mapping;

  PredicateTranslator(ColumnMapping columns, ResolvedMapping mapping) {
    this.columns = columns;
    this.mapping = mapping;
  }

  Optional<Query> translate(ExprNodeDesc expression) {
    return build(expression).map(Translation::whenTrue);
  }

  private Optional<Translation> build(ExprNodeDesc expression) {
    if (!(expression instanceof ExprNodeGenericFuncDesc call)) {
      return Optional.empty();
    }
    GenericUDF function = call.getGenericUDF();
    List<ExprNodeDesc> operands = call.getChildren();
    if (function instanceof GenericUDFOPAnd) {
      List<Translation> parts = new ArrayList<>();
      operands.forEach(operand -> build(operand).ifPresent(parts::add));
      return parts.isEmpty() ? Optional.empty() : Optional.of(Translation.all(parts, parts.size() == operands.size()));
    }
    if (function instanceof GenericUDFOPOr) {
      List<Translation> parts = new ArrayList<>();
      for (ExprNodeDesc operand : operands) {
        Optional<Translation> part = build(operand);
        if (part.isEmpty()) {
          return Optional.empty();
        }
        parts.add(part.get());
      }
      return Optional.of(Translation.any(parts));
    }
    if (function instanceof GenericUDFOPNull) {
      return field(operands.get(0)).flatMap(PredicateTranslator::isNull);
    }
    if (function instanceof GenericUDFOPNotNull) {
      return field(operands.get(0)).flatMap(FIELDS::isNull).flatMap(Translation::negate);
    }
    return comparison(function, operands);
  }

  private Optional<Translation> comparison(GenericUDF function, List<ExprNodeDesc> operands) {
    if (operands.size() != 2) {
      return Optional.empty();
    }
    boolean constantFirst = operands.get(0) instanceof ExprNodeConstantDesc;
    Optional<QueryableField> field = field(operands.get(constantFirst ? 1 : 0));
    Optional<Value> value = operands.get(constantFirst ? 0 : 1) instanceof ExprNodeConstantDesc constant
        ? value(constant.getValue())
        : Optional.empty();
    if (field.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    if (function instanceof GenericUDFOPEqual) {
      return FIELDS.equality(field.get(), value.get());
    }
    if (function instanceof GenericUDFOPNotEqual) {
      return FIELDS.equality(field.get(), value.get()).flatMap(Translation::negate);
    }
    return bound(function)
        .map(bound -> constantFirst ? bound.flipped() : bound)
        .flatMap(bound -> FIELDS.range(field.get(), bound, value.get()));
  }

  private static Optional<RangeBound> bound(GenericUDF function) {
    RangeBound bound = function instanceof GenericUDFOPLessThan ? RangeBound.LT
        : function instanceof GenericUDFOPEqualOrLessThan ? RangeBound.LTE
        : function instanceof GenericUDFOPGreaterThan ? RangeBound.GT
        : function instanceof GenericUDFOPEqualOrGreaterThan ? RangeBound.GTE : null;
    return Optional.ofNullable(bound);
  }

  /**
   * IS NULL: the field has no value or, for keywords, is empty, since Hive reads empty strings as
   * NULL.
   */
  private static Optional<Translation> isNull(QueryableField field) {
    return FIELDS.isNull(field).map(missing -> {
      List<Query> either = new ArrayList<>();
      either.add(missing.whenTrue());
      if (field.kind() == FieldKind.KEYWORD) {
        either.add(field.inNested(new Query.Term(field.termField().path(), TextNode.valueOf(""))));
      }
      return Translation.superset(Query.should(either));
    });
  }

  private Optional<QueryableField> field(ExprNodeDesc operand) {
    if (!(operand instanceof ExprNodeColumnDesc column)
        || column.getTypeInfo().getCategory() != ObjectInspector.Category.PRIMITIVE) {
      return Optional.empty();
    }
    String path = columns.field(column.getColumn());
    return path == null ? Optional.empty() : QueryableField.resolve(mapping, path);
  }

  private static Optional<Value> value(Object constant) {
    if (constant instanceof String || constant instanceof HiveVarchar) {
      return Optional.of(new Value.Text(constant.toString()));
    }
    if (constant instanceof HiveChar hiveChar) {
      return Optional.of(new Value.Text(hiveChar.getStrippedValue()));
    }
    if (constant instanceof Integer || constant instanceof Long || constant instanceof Short || constant instanceof Byte) {
      return Optional.of(new Value.Whole(((Number) constant).longValue()));
    }
    if (constant instanceof Double || constant instanceof Float) {
      return Optional.of(new Value.Float64(((Number) constant).doubleValue()));
    }
    if (constant instanceof HiveDecimal decimal) {
      return Optional.of(new Value.Decimal(decimal.bigDecimalValue()));
    }
    return constant instanceof Boolean b ? Optional.of(new Value.Bool(b)) : Optional.empty();
  }
}
