package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.json.Json;
import io.searchbridge.core.query.QuerySpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeMarkerTest {

  private final ChangeMarker dates = new ChangeMarker("meta.updated", true, 5000);
  private final ChangeMarker versions = new ChangeMarker("version", false, 0);

  @Test
  void firstRoundCopiesEverything() {
    assertThat(dates.roundQuery(Optional.empty())).isEqualTo(QuerySpec.MATCH_ALL);
  }

  @Test
  void laterRoundsStartAtTheCursorMinusTheOverlapInclusive() {
    assertThat(dates.roundQuery(Optional.of(1_700_000_010_000L)))
        .isEqualTo("{\"range\":{\"meta.updated\":{\"gte\":1700000005000,\"format\":\"epoch_millis\"}}}");
    assertThat(versions.roundQuery(Optional.of(42L))).isEqualTo("{\"range\":{\"version\":{\"gte\":42}}}");
  }

  @Test
  void cursorNeverMovesBackwards() {
    assertThat(ChangeMarker.advance(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(ChangeMarker.advance(Optional.empty(), Optional.of(7L))).contains(7L);
    assertThat(ChangeMarker.advance(Optional.of(9L), Optional.empty())).contains(9L);
    assertThat(ChangeMarker.advance(Optional.of(9L), Optional.of(7L))).contains(9L);
    assertThat(ChangeMarker.advance(Optional.of(9L), Optional.of(12L))).contains(12L);
  }

  @Test
  void newestIsAMaxAggregationInsideThePointInTime() throws Exception {
    var body = Json.MAPPER.readTree(versions.newestBody(QuerySpec.MATCH_ALL, Optional.of("pit-1")));

    assertThat(body.path("size").asInt(-1)).isZero();
    assertThat(body.path("pit").path("id").asText()).isEqualTo("pit-1");
    assertThat(body.path("aggs").path(ChangeMarker.NEWEST).path("max").path("field").asText()).isEqualTo("version");
    assertThat(Json.MAPPER.readTree(versions.newestBody(QuerySpec.MATCH_ALL, Optional.empty())).has("pit")).isFalse();
  }

  @Test
  void parsesTheNewestValueOrItsAbsence() throws Exception {
    assertThat(ChangeMarker.parseNewest(stream(
        "{\"aggregations\":{\"newest_marker\":{\"value\":1.700000000123E12,\"value_as_string\":\"2023-11-14\"}}}")))
        .contains(1_700_000_000_123L);
    assertThat(ChangeMarker.parseNewest(stream("{\"aggregations\":{\"newest_marker\":{\"value\":null}}}"))).isEmpty();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
