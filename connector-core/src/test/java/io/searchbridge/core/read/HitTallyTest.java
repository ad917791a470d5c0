package io.searchbridge.core.read;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import org.junit.jupiter.api.Test;

class HitTallyTest {

  @Test
  void everyHitReceivedPasses() {
    HitTally tally = new HitTally();
    tally.expect(25);
    tally.receive(10);
    tally.receive(10);
    tally.receive(5);
    assertThatCode(() -> tally.checkComplete("reading [logs] shard 2")).doesNotThrowAnyException();
  }

  @Test
  void aShortPartitionFailsNamingItselfAndBothNumbers() {
    HitTally tally = new HitTally();
    tally.expect(25);
    tally.receive(10);
    tally.receive(5);
    assertThatThrownBy(() -> tally.checkComplete("reading [logs] shard 2"))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageStartingWith("reading [logs] shard 2 received 15 hit(s), but its point-in-time holds 25;")
        .hasMessageContaining("the engine to read it again");
  }

  @Test
  void aHitReceivedTwiceFailsToo() {
    HitTally tally = new HitTally();
    tally.expect(3);
    tally.receive(4);
    assertThatThrownBy(() -> tally.checkComplete("reading [logs] partition 1 (slice 1 of 4)"))
        .hasMessageContaining("received 4 hit(s), but its point-in-time holds 3");
  }

  @Test
  void anAnswerWithoutACountChecksNothing() {
    HitTally tally = new HitTally();
    tally.expect(-1);
    tally.receive(7);
    assertThatCode(() -> tally.checkComplete("reading [logs] shard 0")).doesNotThrowAnyException();
  }
}
