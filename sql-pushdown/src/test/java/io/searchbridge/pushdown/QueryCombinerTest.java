package io.searchbridge.pushdown;

import static io.searchbridge.pushdown.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryCombinerTest {

  @Test
  void userQueryAndPushedFiltersAreBothFilters() {
    String combined = QueryCombiner.and("""
        {"match": {"title": "spark"}}""", Optional.of("""
        {"bool": {"filter": [{"term": {"kw": "a"}}]}}"""));
    assertJson(combined, """
        {"bool": {"filter": [{"match": {"title": "spark"}}, {"bool": {"filter": [{"term": {"kw": "a"}}]}}]}}""");
  }

  @Test
  void withoutPushedFiltersTheUserQueryIsUnchanged() {
    String query = "{\"match_all\":{}}";
    assertThat(QueryCombiner.and(query, Optional.empty())).isSameAs(query);
  }

  @Test
  void invalidUserQueryNamesTheJson() {
    assertThatThrownBy(() -> QueryCombiner.and("{oops", Optional.of("{\"match_all\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{oops");
  }
}
