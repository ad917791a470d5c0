package io.searchbridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MirrorStatusTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final MirrorStatus status = new MirrorStatus(now::get);

  @Test
  void beforeAnyRoundNothingSucceeded() {
    assertThat(status.isRunning()).isFalse();
    assertThat(status.getSecondsSinceLastSuccessfulRound()).isEqualTo(-1);
    assertThat(status.getDocumentsTransferred()).isEmpty();
  }

  @Test
  void failuresCountUpUntilARoundSucceeds() {
    status.started();
    status.roundStarted(1);
    status.roundFailed(1, new IllegalStateException("standby unreachable"));
    status.roundFailed(2, new IllegalStateException("standby unreachable"));

    assertThat(status.getConsecutiveFailedRequests()).isEqualTo(2);
    assertThat(status.getState()).contains("round 2 failed", "standby unreachable");
    assertThat(status.getSecondsSinceLastSuccessfulRound()).isEqualTo(-1);

    status.roundSucceeded(3);
    now.addAndGet(4_500);
    assertThat(status.getConsecutiveFailedRequests()).isZero();
    assertThat(status.getSecondsSinceLastSuccessfulRound()).isEqualTo(4);
    assertThat(status.getSuccessfulRounds()).isEqualTo(1);
  }

  @Test
  void transfersAddUpPerIndexAndLagIsTheLatest() {
    status.indexCopied("orders", 10, 1000, Optional.of(50L));
    status.indexCopied("orders", 2, 200, Optional.of(0L));
    status.indexCopied("logs", 5, 50, Optional.empty());

    assertThat(status.getDocumentsTransferred()).isEqualTo(Map.of("orders", 12L, "logs", 5L));
    assertThat(status.getBytesTransferred()).isEqualTo(Map.of("orders", 1200L, "logs", 50L));
    assertThat(status.getLag()).isEqualTo(Map.of("orders", 0L, "logs", -1L));
    assertThat(status.line()).contains("[orders] 12 doc(s) 1200 B lag 0", "[logs] 5 doc(s) 50 B lag -1");
  }

  @Test
  void stoppedIsNotRunning() {
    status.started();
    assertThat(status.isRunning()).isTrue();
    status.stopped();
    assertThat(status.isRunning()).isFalse();
    assertThat(status.getState()).isEqualTo("stopped");
  }
}
