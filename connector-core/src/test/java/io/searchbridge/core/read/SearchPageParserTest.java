package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPageParserTest {

  private final SearchPageParser<RawHit> parser = new SearchPageParser<>(RawHit.DECODER, "reading [idx] partition 0");

  private SearchPage<RawHit> parse(String json) throws Exception {
    return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsHitsSortValuesAndTheNewPitId() throws Exception {
    SearchPage<RawHit> page = parse("""
        {"pit_id":"pit-2","took":3,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},
         "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
           {"_index":"idx","_id":"a","_score":null,"_source":{"n": 1, "s":"x y", "o":{"k":[1,2]}},"sort":[5, 40]},
           {"_index":"idx","_id":"b","_score":1.5,"_source":{"n":2},"sort":[7, 41]}]}}
        """);
    assertThat(page.contextId()).isEqualTo("pit-2");
    assertThat(page.lastSort()).containsExactly(7, 41);
    assertThat(page.hits()).extracting(h -> h.metadata().id()).containsExactly("a", "b");
    assertThat(page.hits().get(0).sourceAsString()).isEqualTo("{\"n\":1,\"s\":\"x y\",\"o\":{\"k\":[1,2]}}");
    assertThat(page.hits().get(0).metadata().score()).isNaN();
    assertThat(page.hits().get(1).metadata()).isEqualTo(new HitMetadata("idx", "b", 1.5));
    assertThat(page.totalHits()).isEqualTo(2);
  }

  @Test
  void readsTheCustomRoutingOfAHit() throws Exception {
    SearchPage<RawHit> page = parse("""
        {"hits":{"hits":[{"_index":"i","_id":"x","_score":null,"_routing":"user-7","_source":{"a":1}},
          {"_index":"i","_id":"y","_score":null,"_source":{"a":2}}]}}""");
    assertThat(page.hits()).extracting(h -> h.metadata().routing()).containsExactly("user-7", null);
  }

  @Test
  void hitWithoutSourceIsDecodedWithNullParser() throws Exception {
    SearchPage<RawHit> page = parse("""
        {"pit_id":"p1","hits":{"hits":[{"_index":"i","_id":"x","_score":1.0}]}}""");
    assertThat(page.contextId()).isEqualTo("p1");
    assertThat(page.hits()).singleElement().satisfies(h -> assertThat(h.sourceAsString()).isEqualTo("{}"));
    assertThat(page.lastSort()).isEmpty();
  }

  @Test
  void emptyPage() throws Exception {
    SearchPage<RawHit> page = parse("{\"pit_id\":\"p\",\"hits\":{\"hits\":[]}}");
    assertThat(page.hits()).isEmpty();
    assertThat(page.lastSort()).isEqualTo(List.of());
    assertThat(page.totalHits()).isEqualTo(-1);
  }

  @Test
  void failedShardsAreAnErrorNotAShortPage() {
    assertThatThrownBy(() -> parse("""
        {"_shards":{"total":3,"successful":2,"failed":1,"failures":[{"shard":1,"index":"idx","node":"n1",
          "reason":{"type":"query_shard_exception","reason":"failed to create query"}}]},"hits":{"hits":[]}}"""))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageContaining("reading [idx] partition 0 failed on 1 of 3 shard(s)")
        .hasMessageContaining("index [idx] shard 1 on node [n1]: query_shard_exception failed to create query");
  }

  /** What a point-in-time page answers once a node holding one of its shard copies has left the cluster. */
  @Test
  void aShardLostWithItsNodeSaysSoWhenElasticsearchNoLongerNamesTheNode() {
    assertThatThrownBy(() -> parse("""
        {"pit_id":"p","_shards":{"total":3,"successful":1,"skipped":0,"failed":2,"failures":[{"shard":0,"index":"idx",
          "node":null,"reason":{"type":"no_shard_available_action_exception","reason":null}}]},"hits":{"hits":[]}}"""))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageEndingWith("index [idx] shard 0 (the copy this read was opened on is gone: its node left the cluster;"
            + " run the read again): no_shard_available_action_exception");
  }

  @Test
  void serverTimeoutIsAnError() {
    assertThatThrownBy(() -> parse("{\"timed_out\":true,\"hits\":{\"hits\":[]}}"))
        .hasMessageContaining("timed out on the server");
  }
}
