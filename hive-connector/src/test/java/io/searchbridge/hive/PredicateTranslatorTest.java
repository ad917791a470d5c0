package io.searchbridge.hive;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.query.Query;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hive.ql.plan.ExprNodeColumnDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeConstantDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeDesc;
import org.apache.hadoop.hive.ql.plan.ExprNodeGenericFuncDesc;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDF;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPAnd;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPEqual;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPGreaterThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPLessThan;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNotEqual;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNotNull;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPNull;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFOPOr;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDFUpper;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;
import org.junit.jupiter.api.Test;

class PredicateTranslatorTest {

  private static final String MAPPING = """
      {"idx": {"mappings": {"properties": {
        "tag": {"type": "keyword"}, "code": {"type": "keyword", "ignore_above": 10},
        "title": {"type": "text"}, "n": {"type": "integer"}, "userName": {"type": "keyword"}}}}}""";

  private final PredicateTranslator translator = new PredicateTranslator(
      ColumnMapping.of(List.of("tag", "code", "title", "n", "user_name"), Settings.of(Map.of("es.mapping.names", "user_name:userName"))),
      MappingMerger.merge(MappingParser.parseGetMappingResponse(MAPPING.getBytes(StandardCharsets.UTF_8))));

  @Test
  void comparisonsOnExactFieldsBecomeTermAndRangeQueriesOnTheMappedField() {
    assertThat(json(call(new GenericUDFOPEqual(), column("user_name"), literal("Bob")))).isEqualTo("{\"term\":{\"userName\":\"Bob\"}}");
    assertThat(json(call(new GenericUDFOPLessThan(), literal(5), column("n")))).isEqualTo("{\"range\":{\"n\":{\"gt\":5}}}");
    assertThat(json(call(new GenericUDFOPNotEqual(), column("tag"), literal("a"))))
        .isEqualTo("{\"bool\":{\"filter\":[{\"exists\":{\"field\":\"tag\"}}],\"must_not\":[{\"term\":{\"tag\":\"a\"}}]}}");
  }

  @Test
  void textTakesOnlyEqualityAsAMatchOfAllTokens() {
    assertThat(json(call(new GenericUDFOPEqual(), column("title"), literal("Big news"))))
        .isEqualTo("{\"match\":{\"title\":{\"query\":\"Big news\",\"operator\":\"and\",\"zero_terms_query\":\"all\"}}}");
    assertThat(translate(call(new GenericUDFOPGreaterThan(), column("title"), literal("B")))).isEmpty();
  }

  @Test
  void whatCannotKeepEveryMatchingDocumentIsNotPushed() {
    assertThat(translate(call(new GenericUDFOPEqual(), column("code"), literal("longer than ten")))).as("ignore_above").isEmpty();
    assertThat(translate(call(new GenericUDFOPEqual(), column("n"), literal("5")))).as("string for a number").isEmpty();
    assertThat(translate(call(new GenericUDFOPEqual(), call(new GenericUDFUpper(), column("tag")), literal("A")))).isEmpty();
  }

  @Test
  void andKeepsWhatTranslatesOrNeedsEveryOperandAndNullsUseExists() {
    ExprNodeDesc pushable = call(new GenericUDFOPEqual(), column("tag"), literal("a"));
    ExprNodeDesc notPushable = call(new GenericUDFOPEqual(), column("code"), literal("longer than ten"));
    assertThat(json(call(new GenericUDFOPAnd(), pushable, notPushable))).isEqualTo("{\"term\":{\"tag\":\"a\"}}");
    assertThat(translate(call(new GenericUDFOPOr(), pushable, notPushable))).isEmpty();
    assertThat(json(call(new GenericUDFOPNull(), column("n"))))
        .isEqualTo("{\"bool\":{\"should\":[{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"n\"}}]}}],\"minimum_should_match\":1}}");
  }

  @Test
  void arrayColumnsAreNotPushedSinceHiveReadsAnEmptyArrayAsAValue() {
    // exists misses documents holding [], which an array<string> column reads as an empty list.
    ExprNodeDesc tags = new ExprNodeColumnDesc(TypeInfoFactory.getListTypeInfo(TypeInfoFactory.stringTypeInfo), "tag", "t", false);
    assertThat(translate(call(new GenericUDFOPNotNull(), tags))).isEmpty();
    assertThat(translate(call(new GenericUDFOPNull(), tags))).isEmpty();
  }

  private Optional<Query> translate(ExprNodeDesc expression) {
    return translator.translate(expression);
  }

  private String json(ExprNodeDesc expression) {
    return translate(expression).map(Query::toJson).orElseThrow();
  }

  private static ExprNodeDesc call(GenericUDF function, ExprNodeDesc... operands) {
    return new ExprNodeGenericFuncDesc(TypeInfoFactory.booleanTypeInfo, function, List.of(operands));
  }

  private static ExprNodeDesc column(String name) {
    return new ExprNodeColumnDesc(TypeInfoFactory.stringTypeInfo, name, "t", false);
  }

  private static ExprNodeDesc literal(Object value) {
    return new ExprNodeConstantDesc(value);
  }
}
