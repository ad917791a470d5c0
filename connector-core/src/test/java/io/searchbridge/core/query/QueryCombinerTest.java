package io.searchbridge.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.searchbridge.core.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryCombinerTest {

  @Test
  void userQueryAndPushedFiltersAreBothFilters() throws Exception {
    String combined = QueryCombiner.and("""
        {"match": {"title": "spark"}}""", Optional.of(Query.filter(List.of(new Query.Term("kw", new TextNode("a"))))));
    assertThat(Json.MAPPER.readTree(combined)).isEqualTo(Json.MAPPER.readTree("""
        {"bool": {"filter": [{"match": {"title": "spark"}}, {"bool": {"filter": [{"term": {"kw": "a"}}]}}]}}"""));
  }

  @Test
  void withoutPushedFiltersTheUserQueryIsUnchanged() {
    String query = "{\"match_all\":{}}";
    assertThat(QueryCombiner.and(query, Optional.empty())).isSameAs(query);
  }

  @Test
  void invalidUserQueryNamesTheJson() {
    assertThatThrownBy(() -> QueryCombiner.and("{oops", Optional.of(Query.matchAll())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{oops");
  }
}
