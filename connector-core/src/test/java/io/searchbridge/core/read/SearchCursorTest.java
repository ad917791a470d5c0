package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.client.EsRequestException;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

  @Test
  void aContextLostWithItsNodeNamesTheNode() {
    EsRequestException lost = new EsRequestException("search /_search/scroll failed: HTTP 404"
        + " search_context_missing_nodes_exception: Search context of type [scroll] references nodes that have left the"
        + " cluster: [JQ75NASHRTyYTL2jEiOamw]", 404, "search_context_missing_nodes_exception", null);

    RuntimeException explained = SearchCursor.explain("reading [idx] shard 2", lost);

    assertThat(explained).hasMessageStartingWith("reading [idx] shard 2 failed: a node holding its point-in-time or"
        + " scroll left the cluster").hasMessageContaining("[JQ75NASHRTyYTL2jEiOamw]").hasCause(lost);
    assertThat(explained.getMessage()).doesNotContain("es.scroll.keepalive");
  }

  @Test
  void anExpiredContextNamesTheSettingToRaise() {
    EsRequestException expired = new EsRequestException("search failed: HTTP 404 search_context_missing_exception",
        404, "search_context_missing_exception", null);
    assertThat(SearchCursor.explain("reading [idx] shard 2", expired))
        .hasMessageContaining("expired between two pages; raise es.scroll.keepalive");
  }

  @Test
  void otherFailuresPassUnchanged() {
    EsRequestException busy = new EsRequestException("search failed: HTTP 503", 503, "", null);
    assertThat(SearchCursor.explain("reading [idx] shard 2", busy)).isSameAs(busy);
  }
}
