package io.searchbridge.pushdown;

import static io.searchbridge.pushdown.Fixtures.MAPPING;
import static io.searchbridge.pushdown.Fixtures.assertJson;
import static io.searchbridge.pushdown.Fixtures.col;
import static io.searchbridge.pushdown.Fixtures.lit;
import static io.searchbridge.pushdown.Fixtures.nul;
import static io.searchbridge.pushdown.Fixtures.pred;
import static io.searchbridge.pushdown.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.mapping.ArrayFieldRules;
import io.searchbridge.core.query.FieldPredicates;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.junit.jupiter.api.Test;

class FilterTranslatorTest {

  private final FilterTranslator lenient = new FilterTranslator(MAPPING, false);
  private final FilterTranslator strict = new FilterTranslator(MAPPING, true);

  private static Expression num(long value) {
    return lit(value, DataTypes.LongType);
  }

  private void pushedExactly(Predicate predicate, String expectedQuery) {
    PushedFilters result = lenient.translate(new Predicate[] {predicate});
    assertThat(result.pushed()).containsExactly(predicate);
    assertThat(result.postScan()).isEmpty();
    assertJson(lenient.translate(predicate).orElseThrow(), expectedQuery);
  }

  private void pushedForRecheck(FilterTranslator translator, Predicate predicate, String expectedQuery) {
    PushedFilters result = translator.translate(new Predicate[] {predicate});
    assertThat(result.pushed()).containsExactly(predicate);
    assertThat(result.postScan()).containsExactly(predicate);
    assertJson(translator.translate(predicate).orElseThrow(), expectedQuery);
  }

  private void notPushed(FilterTranslator translator, Predicate predicate) {
    PushedFilters result = translator.translate(new Predicate[] {predicate});
    assertThat(result.query()).isEmpty();
    assertThat(result.pushed()).isEmpty();
    assertThat(result.postScan()).containsExactly(predicate);
    assertThat(translator.translate(predicate)).isEmpty();
  }

  // --- equality -------------------------------------------------------------------------------

  @Test
  void equalsOnKeywordIsTerm() {
    pushedExactly(pred("=", col("kw"), str("a")), """
        {"term": {"kw": "a"}}""");
  }

  @Test
  void equalsWithLiteralFirstIsTheSameTerm() {
    pushedExactly(pred("=", str("a"), col("kw")), """
        {"term": {"kw": "a"}}""");
  }

  @Test
  void equalsOnNumberIsTerm() {
    pushedExactly(pred("=", col("n"), num(42)), """
        {"term": {"n": 42}}""");
  }

  @Test
  void equalsOnIntegerAndDoubleKeepTheirValues() {
    pushedExactly(pred("=", col("i"), lit(7, DataTypes.IntegerType)), """
        {"term": {"i": 7}}""");
    pushedExactly(pred("=", col("d"), lit(1.5d, DataTypes.DoubleType)), """
        {"term": {"d": 1.5}}""");
  }

  @Test
  void equalsOnUnsignedLongSendsTheExactDecimal() {
    Decimal big = Decimal.apply(new BigDecimal("18446744073709551615"));
    pushedExactly(pred("=", col("ul"), lit(big, DataTypes.createDecimalType(20, 0))), """
        {"term": {"ul": 18446744073709551615}}""");
  }

  @Test
  void equalsOnBooleanIsTerm() {
    pushedExactly(pred("=", col("flag"), lit(true, DataTypes.BooleanType)), """
        {"term": {"flag": true}}""");
  }

  @Test
  void equalsOnTextUsesItsKeywordSubField() {
    pushedExactly(pred("=", col("title"), str("Big Data")), """
        {"term": {"title.raw": "Big Data"}}""");
  }

  @Test
  void equalsOnTextWithoutKeywordIsARecheckedMatchWhenNotStrict() {
    pushedForRecheck(lenient, pred("=", col("body"), str("hello world")), """
        {"match": {"body": {"query": "hello world", "operator": "and", "zero_terms_query": "all"}}}""");
  }

  @Test
  void equalsOnTextWithoutKeywordStaysInSparkWhenStrict() {
    notPushed(strict, pred("=", col("body"), str("hello world")));
  }

  @Test
  void equalsOnNormalizedKeywordIsRechecked() {
    pushedForRecheck(lenient, pred("=", col("lower"), str("Ab")), """
        {"term": {"lower": "Ab"}}""");
  }

  @Test
  void equalsOnIpIsRecheckedBecauseAddressesHaveSeveralSpellings() {
    pushedForRecheck(lenient, pred("=", col("addr"), str("10.0.0.1")), """
        {"term": {"addr": "10.0.0.1"}}""");
  }

  @Test
  void equalsWithinIgnoreAboveIsExact() {
    pushedExactly(pred("=", col("short_kw"), str("abcde")), """
        {"term": {"short_kw": "abcde"}}""");
    pushedExactly(pred("=", col("dyn"), str("abc")), """
        {"term": {"dyn.keyword": "abc"}}""");
  }

  @Test
  void equalsBeyondIgnoreAboveIsNotPushedBecauseSuchValuesAreNotIndexed() {
    notPushed(lenient, pred("=", col("short_kw"), str("abcdef")));
    notPushed(lenient, pred("=", col("dyn"), str("abcdef")));
  }

  @Test
  void equalsWithNullNeverMatches() {
    pushedExactly(pred("=", col("kw"), nul()), """
        {"match_none": {}}""");
  }

  @Test
  void equalsOnTimestampIsAClosedRangeInIsoWithExplicitFormat() {
    // 2024-01-02T03:04:05.678Z in microseconds.
    long micros = 1704164645678000L;
    pushedExactly(pred("=", col("ts"), lit(micros, DataTypes.TimestampType)), """
        {"range": {"ts": {"gte": "2024-01-02T03:04:05.678Z", "lte": "2024-01-02T03:04:05.678Z",
                          "format": "strict_date_optional_time_nanos"}}}""");
  }

  @Test
  void subMillisecondTimestampIsNotPushedToMillisecondDate() {
    notPushed(lenient, pred("=", col("ts"), lit(1704164645678901L, DataTypes.TimestampType)));
  }

  @Test
  void subMillisecondTimestampIsPushedToDateNanos() {
    pushedExactly(pred("=", col("tsn"), lit(1704164645678901L, DataTypes.TimestampType)), """
        {"range": {"tsn": {"gte": "2024-01-02T03:04:05.678901Z", "lte": "2024-01-02T03:04:05.678901Z",
                           "format": "strict_date_optional_time_nanos"}}}""");
  }

  @Test
  void equalsOnDayIsThatUtcDay() {
    // 19724 days = 2024-01-02.
    pushedExactly(pred("=", col("ts"), lit(19724, DataTypes.DateType)), """
        {"range": {"ts": {"gte": "2024-01-02T00:00:00Z", "lt": "2024-01-03T00:00:00Z",
                          "format": "strict_date_optional_time_nanos"}}}""");
  }

  @Test
  void literalOfAnotherTypeThanTheFieldIsNotPushed() {
    notPushed(lenient, pred("=", col("n"), str("42")));
    notPushed(lenient, pred("=", col("kw"), num(42)));
    notPushed(lenient, pred("=", col("flag"), num(1)));
  }

  @Test
  void notEqualsOperatorExcludesMissingValues() {
    pushedExactly(pred("<>", col("kw"), str("a")), """
        {"bool": {"filter": [{"exists": {"field": "kw"}}], "must_not": [{"term": {"kw": "a"}}]}}""");
  }

  // --- ranges -------------------------------------------------------------------------------

  @Test
  void everyComparisonOperatorOnNumbers() {
    pushedExactly(pred("<", col("n"), num(5)), """
        {"range": {"n": {"lt": 5}}}""");
    pushedExactly(pred("<=", col("n"), num(5)), """
        {"range": {"n": {"lte": 5}}}""");
    pushedExactly(pred(">", col("n"), num(5)), """
        {"range": {"n": {"gt": 5}}}""");
    pushedExactly(pred(">=", col("n"), num(5)), """
        {"range": {"n": {"gte": 5}}}""");
  }

  @Test
  void comparisonWithLiteralFirstIsFlipped() {
    pushedExactly(pred("<", num(5), col("n")), """
        {"range": {"n": {"gt": 5}}}""");
    pushedExactly(pred(">=", num(5), col("n")), """
        {"range": {"n": {"lte": 5}}}""");
  }

  @Test
  void rangeOnKeywordAndTextKeyword() {
    pushedExactly(pred(">", col("kw"), str("m")), """
        {"range": {"kw": {"gt": "m"}}}""");
    pushedExactly(pred("<=", col("title"), str("m")), """
        {"range": {"title.raw": {"lte": "m"}}}""");
  }

  @Test
  void rangeOnTimestamp() {
    pushedExactly(pred(">=", col("ts"), lit(0L, DataTypes.TimestampType)), """
        {"range": {"ts": {"gte": "1970-01-01T00:00:00.000Z", "format": "strict_date_optional_time_nanos"}}}""");
  }

  @Test
  void rangesOnDaysCoverWholeDays() {
    String start = "\"2024-01-02T00:00:00Z\"";
    String next = "\"2024-01-03T00:00:00Z\"";
    String format = ", \"format\": \"strict_date_optional_time_nanos\"}}}";
    Expression day = lit(19724, DataTypes.DateType);
    pushedExactly(pred("<", col("ts"), day), "{\"range\": {\"ts\": {\"lt\": " + start + format);
    pushedExactly(pred("<=", col("ts"), day), "{\"range\": {\"ts\": {\"lt\": " + next + format);
    pushedExactly(pred(">", col("ts"), day), "{\"range\": {\"ts\": {\"gte\": " + next + format);
    pushedExactly(pred(">=", col("ts"), day), "{\"range\": {\"ts\": {\"gte\": " + start + format);
  }

  @Test
  void rangesThatTheIndexCannotAnswerAreNotPushed() {
    notPushed(lenient, pred(">", col("lower"), str("m")));
    notPushed(lenient, pred(">", col("short_kw"), str("m")));
    notPushed(lenient, pred(">", col("dyn"), str("m")));
    notPushed(lenient, pred(">", col("body"), str("m")));
    notPushed(lenient, pred(">", col("flag"), lit(false, DataTypes.BooleanType)));
    notPushed(lenient, pred(">", col("addr"), str("10.0.0.1")));
  }

  @Test
  void comparisonWithNullNeverMatches() {
    pushedExactly(pred("<", col("n"), nul()), """
        {"match_none": {}}""");
  }

  // --- null-safe equality, nulls --------------------------------------------------------------

  @Test
  void nullSafeEqualWithValueIsTerm() {
    pushedExactly(pred("<=>", col("kw"), str("a")), """
        {"term": {"kw": "a"}}""");
  }

  @Test
  void nullSafeEqualWithNullIsMustNotExists() {
    pushedExactly(pred("<=>", col("kw"), nul()), """
        {"bool": {"must_not": [{"exists": {"field": "kw"}}]}}""");
    pushedExactly(pred("<=>", nul(), col("n")), """
        {"bool": {"must_not": [{"exists": {"field": "n"}}]}}""");
  }

  @Test
  void notNullSafeEqualIncludesMissingValues() {
    pushedExactly(pred("NOT", pred("<=>", col("kw"), str("a"))), """
        {"bool": {"must_not": [{"term": {"kw": "a"}}]}}""");
  }

  @Test
  void isNullAndIsNotNull() {
    pushedExactly(pred("IS_NULL", col("n")), """
        {"bool": {"must_not": [{"exists": {"field": "n"}}]}}""");
    pushedExactly(pred("IS_NOT_NULL", col("n")), """
        {"exists": {"field": "n"}}""");
  }

  @Test
  void isNotNullOnTextWithKeywordChecksBothFields() {
    pushedExactly(pred("IS_NOT_NULL", col("title")), """
        {"bool": {"should": [{"exists": {"field": "title"}}, {"exists": {"field": "title.raw"}}],
                  "minimum_should_match": 1}}""");
  }

  @Test
  void isNullIsNotPushedWhereExistsMissesValues() {
    notPushed(lenient, pred("IS_NULL", col("short_kw")));
    notPushed(lenient, pred("IS_NOT_NULL", col("body")));
    notPushed(lenient, pred("IS_NULL", col("loc")));
  }

  // --- IN -------------------------------------------------------------------------------------

  @Test
  void inIsTerms() {
    pushedExactly(pred("IN", col("kw"), str("a"), str("b")), """
        {"terms": {"kw": ["a", "b"]}}""");
  }

  @Test
  void inWithOneValueIsTerm() {
    pushedExactly(pred("IN", col("n"), num(1)), """
        {"term": {"n": 1}}""");
  }

  @Test
  void inWithNullMatchesTheOtherValuesAndIsNeverFalse() {
    pushedExactly(pred("IN", col("kw"), str("a"), nul(), str("b")), """
        {"terms": {"kw": ["a", "b"]}}""");
    pushedExactly(pred("NOT", pred("IN", col("kw"), str("a"), nul())), """
        {"match_none": {}}""");
  }

  @Test
  void inWithOnlyNullNeverMatches() {
    pushedExactly(pred("IN", col("kw"), nul()), """
        {"match_none": {}}""");
  }

  @Test
  void notInExcludesMissingValues() {
    pushedExactly(pred("NOT", pred("IN", col("n"), num(1), num(2))), """
        {"bool": {"filter": [{"exists": {"field": "n"}}], "must_not": [{"terms": {"n": [1, 2]}}]}}""");
  }

  @Test
  void inOnDatesIsAnyOfTheRanges() {
    pushedExactly(pred("IN", col("ts"), lit(0L, DataTypes.TimestampType), lit(1000L, DataTypes.TimestampType)), """
        {"bool": {"should": [
          {"range": {"ts": {"gte": "1970-01-01T00:00:00.000Z", "lte": "1970-01-01T00:00:00.000Z",
                            "format": "strict_date_optional_time_nanos"}}},
          {"range": {"ts": {"gte": "1970-01-01T00:00:00.001Z", "lte": "1970-01-01T00:00:00.001Z",
                            "format": "strict_date_optional_time_nanos"}}}],
          "minimum_should_match": 1}}""");
  }

  @Test
  void inOnTextWithoutKeywordIsAnyOfTheMatchesForRecheck() {
    pushedForRecheck(lenient, pred("IN", col("body"), str("x"), str("y")), """
        {"bool": {"should": [
          {"match": {"body": {"query": "x", "operator": "and", "zero_terms_query": "all"}}},
          {"match": {"body": {"query": "y", "operator": "and", "zero_terms_query": "all"}}}],
          "minimum_should_match": 1}}""");
  }

  @Test
  void inThatCannotBePushed() {
    notPushed(lenient, pred("IN", col("kw")));
    notPushed(lenient, pred("IN", col("kw"), str("a"), col("title")));
    notPushed(lenient, pred("IN", col("short_kw"), str("a"), str("abcdef")));
    notPushed(lenient, pred("IN", col("missing"), str("a")));
  }

  // --- string functions -------------------------------------------------------------------------

  @Test
  void startsWithIsPrefix() {
    pushedExactly(pred("STARTS_WITH", col("kw"), str("ab*")), """
        {"prefix": {"kw": {"value": "ab*"}}}""");
  }

  @Test
  void endsWithAndContainsAreEscapedWildcards() {
    pushedExactly(pred("ENDS_WITH", col("kw"), str("a*b?c\\d")), """
        {"wildcard": {"kw": {"value": "*a\\\\*b\\\\?c\\\\\\\\d"}}}""");
    pushedExactly(pred("CONTAINS", col("title"), str("x")), """
        {"wildcard": {"title.raw": {"value": "*x*"}}}""");
  }

  @Test
  void notStartsWithExcludesMissingValues() {
    pushedExactly(pred("NOT", pred("STARTS_WITH", col("kw"), str("a"))), """
        {"bool": {"filter": [{"exists": {"field": "kw"}}], "must_not": [{"prefix": {"kw": {"value": "a"}}}]}}""");
  }

  @Test
  void stringFunctionsOnFieldsWithoutAllValuesIndexedAsIsAreNotPushed() {
    notPushed(lenient, pred("STARTS_WITH", col("lower"), str("a")));
    notPushed(lenient, pred("CONTAINS", col("dyn"), str("a")));
    notPushed(lenient, pred("ENDS_WITH", col("body"), str("a")));
    notPushed(lenient, pred("STARTS_WITH", col("n"), str("1")));
  }

  @Test
  void stringFunctionWithNullNeverMatches() {
    pushedExactly(pred("CONTAINS", col("kw"), str(null)), """
        {"match_none": {}}""");
  }

  // --- boolean logic -------------------------------------------------------------------------

  @Test
  void notOfEqualsExcludesMissingValues() {
    pushedExactly(pred("NOT", pred("=", col("n"), num(1))), """
        {"bool": {"filter": [{"exists": {"field": "n"}}], "must_not": [{"term": {"n": 1}}]}}""");
  }

  @Test
  void doubleNotIsTheOriginal() {
    pushedExactly(pred("NOT", pred("NOT", pred("=", col("n"), num(1)))), """
        {"term": {"n": 1}}""");
  }

  @Test
  void notIsNotPushedWhereMissingValuesCannotBeTold() {
    // exists misses values over ignore_above, so "has a value other than x" is unknown.
    notPushed(lenient, pred("NOT", pred("=", col("short_kw"), str("x"))));
  }

  @Test
  void notOfEqualsOnTextChecksBothFieldsForAValue() {
    pushedExactly(pred("NOT", pred("=", col("title"), str("x"))), """
        {"bool": {
          "filter": [{"bool": {"should": [{"exists": {"field": "title"}}, {"exists": {"field": "title.raw"}}],
                               "minimum_should_match": 1}}],
          "must_not": [{"term": {"title.raw": "x"}}]}}""");
  }

  @Test
  void timestampWithoutTimeZoneIsNotPushed() {
    notPushed(lenient, pred("=", col("ts"), lit(0L, DataTypes.TimestampNTZType)));
  }

  @Test
  void notOfARecheckedTranslationIsNotPushed() {
    notPushed(lenient, pred("NOT", pred("=", col("body"), str("x"))));
    notPushed(lenient, pred("NOT", pred("=", col("lower"), str("x"))));
  }

  @Test
  void orOfPushableChildrenIsShould() {
    pushedExactly(pred("OR", pred("=", col("kw"), str("a")), pred(">", col("n"), num(3))), """
        {"bool": {"should": [{"term": {"kw": "a"}}, {"range": {"n": {"gt": 3}}}], "minimum_should_match": 1}}""");
  }

  @Test
  void orWithAnUnpushableChildIsNotPushed() {
    notPushed(lenient, pred("OR", pred("=", col("kw"), str("a")), pred("=", col("missing"), str("b"))));
  }

  @Test
  void orWithARecheckedChildIsRechecked() {
    pushedForRecheck(lenient, pred("OR", pred("=", col("kw"), str("a")), pred("=", col("body"), str("b"))), """
        {"bool": {"should": [{"term": {"kw": "a"}},
          {"match": {"body": {"query": "b", "operator": "and", "zero_terms_query": "all"}}}],
          "minimum_should_match": 1}}""");
  }

  @Test
  void notOfOrIsAllFalse() {
    pushedExactly(pred("NOT", pred("OR", pred("=", col("kw"), str("a")), pred("IS_NULL", col("n")))), """
        {"bool": {"filter": [
          {"bool": {"filter": [{"exists": {"field": "kw"}}], "must_not": [{"term": {"kw": "a"}}]}},
          {"exists": {"field": "n"}}]}}""");
  }

  @Test
  void notOfAndIsAnyFalse() {
    // SQL: NOT(kw = 'a' AND n = 1) is TRUE when either side is FALSE, even if the other is NULL.
    pushedExactly(pred("NOT", pred("AND", pred("=", col("kw"), str("a")), pred("=", col("n"), num(1)))), """
        {"bool": {"should": [
          {"bool": {"filter": [{"exists": {"field": "kw"}}], "must_not": [{"term": {"kw": "a"}}]}},
          {"bool": {"filter": [{"exists": {"field": "n"}}], "must_not": [{"term": {"n": 1}}]}}],
          "minimum_should_match": 1}}""");
  }

  @Test
  void andInsideOrKeepsItsPushableHalfForRecheck() {
    Predicate partial = pred("AND", pred("=", col("kw"), str("a")), pred("=", col("loc"), str("x")));
    pushedForRecheck(lenient, pred("OR", partial, pred("=", col("n"), num(1))), """
        {"bool": {"should": [{"term": {"kw": "a"}}, {"term": {"n": 1}}], "minimum_should_match": 1}}""");
    notPushed(lenient, pred("NOT", partial));
  }

  @Test
  void topLevelAndIsSplitIntoItsChildren() {
    Predicate pushable = pred("=", col("kw"), str("a"));
    Predicate unpushable = pred("=", col("loc"), str("x"));
    Predicate matched = pred("=", col("body"), str("y"));
    PushedFilters result =
        lenient.translate(new Predicate[] {pred("AND", pushable, pred("AND", unpushable, matched))});
    assertThat(result.pushed()).containsExactly(pushable, matched);
    assertThat(result.postScan()).containsExactly(unpushable, matched);
    assertJson(result.query().orElseThrow(), """
        {"bool": {"filter": [{"term": {"kw": "a"}},
          {"match": {"body": {"query": "y", "operator": "and", "zero_terms_query": "all"}}}]}}""");
  }

  @Test
  void severalPredicatesAreOneBoolFilter() {
    Predicate a = pred("=", col("kw"), str("a"));
    Predicate b = pred("IS_NOT_NULL", col("n"));
    PushedFilters result = lenient.translate(new Predicate[] {a, b});
    assertThat(result.pushed()).containsExactly(a, b);
    assertThat(result.postScan()).isEmpty();
    assertJson(result.query().orElseThrow(), """
        {"bool": {"filter": [{"term": {"kw": "a"}}, {"exists": {"field": "n"}}]}}""");
  }

  @Test
  void noPredicatesNoQuery() {
    PushedFilters result = lenient.translate(new Predicate[0]);
    assertThat(result.query()).isEmpty();
    assertThat(result.pushed()).isEmpty();
    assertThat(result.postScan()).isEmpty();
  }

  @Test
  void alwaysTrueAndAlwaysFalse() {
    pushedExactly(pred("ALWAYS_TRUE"), """
        {"match_all": {}}""");
    pushedExactly(pred("ALWAYS_FALSE"), """
        {"match_none": {}}""");
    pushedExactly(pred("NOT", pred("ALWAYS_TRUE")), """
        {"match_none": {}}""");
  }

  // --- columns --------------------------------------------------------------------------------

  @Test
  void objectSubFieldIsItsDottedPath() {
    pushedExactly(pred("=", col("user.name"), str("bob")), """
        {"term": {"user.name": "bob"}}""");
  }

  @Test
  void nestedFieldIsANestedQuery() {
    pushedExactly(pred("=", col("comments.author"), str("ann")), """
        {"nested": {"path": "comments", "query": {"term": {"comments.author": "ann"}}}}""");
  }

  @Test
  void fieldTwoNestedLevelsDeepIsTwoNestedQueries() {
    pushedExactly(pred("=", col("comments.replies.by"), str("ann")), """
        {"nested": {"path": "comments", "query":
          {"nested": {"path": "comments.replies", "query": {"term": {"comments.replies.by": "ann"}}}}}}""");
  }

  @Test
  void notOnNestedFieldRequiresTheNestedValue() {
    pushedExactly(pred("NOT", pred("=", col("comments.author"), str("ann"))), """
        {"bool": {
          "filter": [{"nested": {"path": "comments", "query": {"exists": {"field": "comments.author"}}}}],
          "must_not": [{"nested": {"path": "comments", "query": {"term": {"comments.author": "ann"}}}}]}}""");
  }

  @Test
  void isNullOnNestedFieldIsOutsideTheNestedQuery() {
    pushedExactly(pred("IS_NULL", col("comments.author")), """
        {"bool": {"must_not": [{"nested": {"path": "comments", "query": {"exists": {"field": "comments.author"}}}}]}}""");
  }

  @Test
  void unknownAndMetadataColumnsAreNotPushed() {
    notPushed(lenient, pred("=", col("missing"), str("a")));
    notPushed(lenient, pred("=", col("_id"), str("1")));
    notPushed(lenient, pred("IS_NULL", col("_score")));
  }

  @Test
  void unsupportedFieldTypesAreNotPushed() {
    notPushed(lenient, pred("=", col("loc"), str("1,2")));
    notPushed(lenient, pred("=", col("price"), lit(1.5d, DataTypes.DoubleType)));
    notPushed(lenient, pred("IS_NULL", col("user")));
  }

  @Test
  void fieldsReadAsArraysAreNotPushed() {
    // es.read.field.as.array.include makes kw an ArrayType column: an empty array is missing for
    // Elasticsearch but not null for Spark.
    FilterTranslator translator = new FilterTranslator(
        ArrayFieldRules.of(List.of("kw"), List.of()).apply(MAPPING), false);
    notPushed(translator, pred("IS_NULL", col("kw")));
    notPushed(translator, pred("=", col("kw"), str("a")));
  }

  @Test
  void columnComparedWithColumnIsNotPushed() {
    notPushed(lenient, pred("=", col("kw"), col("title")));
    notPushed(lenient, pred("<", col("n"), col("i")));
  }

  @Test
  void literalComparedWithLiteralIsLeftToSpark() {
    notPushed(lenient, pred("=", str("a"), str("a")));
    notPushed(lenient, pred("<=>", num(1), num(1)));
  }

  @Test
  void unknownPredicateIsNotPushed() {
    notPushed(lenient, pred("LIKE", col("kw"), str("a%")));
  }

  @Test
  void escapeWildcardEscapesOnlyWildcardSyntax() {
    assertThat(FieldPredicates.escapeWildcard("a*b?c\\d.e")).isEqualTo("a\\*b\\?c\\\\d.e");
  }
}
