package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentDifferenceTest {

  @Test
  void classifiesEachCombinationOfSides() {
    assertThat(DocumentDifference.of(Optional.of("h"), Optional.of("h"))).isEmpty();
    assertThat(DocumentDifference.of(Optional.of("h"), Optional.of("g"))).contains(DocumentDifference.DIFFERENT);
    assertThat(DocumentDifference.of(Optional.of("h"), Optional.empty())).contains(DocumentDifference.MISSING);
    assertThat(DocumentDifference.of(Optional.empty(), Optional.of("g"))).contains(DocumentDifference.EXTRA);
    assertThat(DocumentDifference.of(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void reportIsInSyncOnlyWithoutDifferencesAndWithEqualCounts() {
    assertThat(new VerifyReport("i", 3, 3, 0, 0, 0, List.of(), false).inSync()).isTrue();
    VerifyReport off = new VerifyReport("i", 3, 2, 1, 0, 1, List.of("MISSING:7", "DIFFERENT:2"), false);
    assertThat(off.inSync()).isFalse();
    assertThat(off.differences()).isEqualTo(2);
    assertThat(off.line()).contains("[i]", "DIFFERENT", "missing 1", "extra 0", "different 1", "MISSING:7");
  }

  @Test
  void repairChunksAreIdsQueries() {
    assertThat(Verifier.idsQuery(List.of("a", "b\"c"))).isEqualTo("{\"ids\":{\"values\":[\"a\",\"b\\\"c\"]}}");
  }
}
