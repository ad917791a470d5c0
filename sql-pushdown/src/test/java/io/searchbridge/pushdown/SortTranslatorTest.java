package io.searchbridge.pushdown;

import static io.searchbridge.pushdown.Fixtures.MAPPING;
import static io.searchbridge.pushdown.Fixtures.assertJson;
import static io.searchbridge.pushdown.Fixtures.col;
import static io.searchbridge.pushdown.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.SortValue;
import org.junit.jupiter.api.Test;

class SortTranslatorTest {

  private final SortTranslator translator = new SortTranslator(MAPPING);

  private static SortOrder asc(Expression e) {
    return new SortValue(e, SortDirection.ASCENDING, NullOrdering.NULLS_FIRST);
  }

  private static SortOrder desc(Expression e) {
    return new SortValue(e, SortDirection.DESCENDING, NullOrdering.NULLS_LAST);
  }

  @Test
  void ascendingNullsFirstAndDescendingNullsLast() {
    assertJson(translator.translate(new SortOrder[] {asc(col("kw")), desc(col("n"))}).orElseThrow().sortJson(), """
        [{"kw": {"order": "asc", "missing": "_first", "unmapped_type": "keyword"}},
         {"n": {"order": "desc", "missing": "_last", "unmapped_type": "long"}}]""");
  }

  @Test
  void nullOrderingIsIndependentOfDirection() {
    SortOrder order = new SortValue(col("ts"), SortDirection.DESCENDING, NullOrdering.NULLS_FIRST);
    assertJson(translator.translate(new SortOrder[] {order}).orElseThrow().sortJson(), """
        [{"ts": {"order": "desc", "missing": "_first", "unmapped_type": "date"}}]""");
  }

  @Test
  void booleanAndDateNanosAreSortable() {
    assertJson(translator.translate(new SortOrder[] {asc(col("flag")), asc(col("tsn"))}).orElseThrow().sortJson(), """
        [{"flag": {"order": "asc", "missing": "_first", "unmapped_type": "boolean"}},
         {"tsn": {"order": "asc", "missing": "_first", "unmapped_type": "date_nanos"}}]""");
  }

  @Test
  void unsortableColumnsAreNotPushed() {
    for (String column : new String[] {"title", "body", "lower", "short_kw", "comments.author", "loc", "addr", "missing"}) {
      assertThat(translator.translate(new SortOrder[] {asc(col(column))})).as(column).isEmpty();
    }
  }

  @Test
  void oneUnsortableKeyKeepsTheWholeSortInSpark() {
    assertThat(translator.translate(new SortOrder[] {asc(col("kw")), asc(col("body"))})).isEmpty();
  }

  @Test
  void expressionsAreNotPushed() {
    assertThat(translator.translate(new SortOrder[] {asc(str("x"))})).isEmpty();
  }

  @Test
  void noOrdersNoSort() {
    assertThat(translator.translate(new SortOrder[0])).isEmpty();
  }
}
