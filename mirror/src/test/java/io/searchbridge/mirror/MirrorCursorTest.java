package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorCursorTest {

  private final MirrorCursor cursor = new MirrorCursor("orders", "updated_at", Optional.of(1_700_000_000_123L), 4,
      Instant.parse("2026-11-23T17:00:00Z"));

  @Test
  void roundTripsThroughItsStateDocument() throws Exception {
    assertThat(MirrorCursor.fromJson(Json.MAPPER.readTree(cursor.toJson()))).isEqualTo(cursor);
    MirrorCursor unmarked = new MirrorCursor("logs", "", Optional.empty(), 1, Instant.EPOCH);
    assertThat(MirrorCursor.fromJson(Json.MAPPER.readTree(unmarked.toJson()))).isEqualTo(unmarked);
  }

  @Test
  void resumesOnlyFromACursorOfTheSameMarker() {
    assertThat(MirrorCursor.resumeFrom(Optional.of(cursor), "updated_at")).contains(1_700_000_000_123L);
    assertThat(MirrorCursor.resumeFrom(Optional.of(cursor), "version")).isEmpty();
    assertThat(MirrorCursor.resumeFrom(Optional.empty(), "updated_at")).isEmpty();
  }
}
