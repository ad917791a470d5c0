package io.searchbridge.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLogTest {

  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(100 * SECOND);

  @Test
  void logsOncePerIntervalWithTheTotalAndRate() {
    ProgressLog progress = new ProgressLog("reading [logs] shard 2", Duration.ofSeconds(10), now::get);
    progress.expect(1_000_000);

    assertThat(progress.advance(100_000)).isFalse();
    now.addAndGet(10 * SECOND);
    assertThat(progress.advance(150_000)).isTrue();
    assertThat(progress.line(now.get(), false))
        .isEqualTo("reading [logs] shard 2: 250,000 of 1,000,000 documents (25%), 25,000 docs/s");
    now.addAndGet(5 * SECOND);
    assertThat(progress.advance(1)).isFalse();
    now.addAndGet(5 * SECOND);
    assertThat(progress.advance(1)).isTrue();
  }

  @Test
  void withoutATotalItCountsAndNeverShowsMoreThanAHundredPercent() {
    ProgressLog unknown = new ProgressLog("writing partition 1", Duration.ofSeconds(1), now::get);
    unknown.advance(3_000);
    now.addAndGet(2 * SECOND);
    assertThat(unknown.line(now.get(), false)).isEqualTo("writing partition 1: 3,000 documents, 1,500 docs/s");

    ProgressLog overrun = new ProgressLog("reading", Duration.ofSeconds(1), now::get);
    overrun.expect(10);
    overrun.advance(12);
    assertThat(overrun.line(now.get() + SECOND, false)).startsWith("reading: 12 of 10 documents (100%)");
  }

  @Test
  void aShortTaskStaysQuietAndALongOneLogsItsEnd() {
    ProgressLog quick = new ProgressLog("quick", Duration.ofSeconds(10), now::get);
    quick.advance(500);
    assertThat(quick.finish()).isFalse();

    ProgressLog slow = new ProgressLog("slow", Duration.ofSeconds(10), now::get);
    now.addAndGet(20 * SECOND);
    slow.advance(2_000);
    assertThat(slow.finish()).isTrue();
    assertThat(slow.line(now.get(), true)).isEqualTo("slow: done, 2,000 documents in 20.0 s, 100 docs/s");
    assertThat(slow.finish()).isFalse();
  }

  @Test
  void aZeroIntervalTurnsLoggingOff() {
    ProgressLog off = new ProgressLog("off", Duration.ZERO, now::get);
    now.addAndGet(3600 * SECOND);
    assertThat(off.advance(1)).isFalse();
    assertThat(off.finish()).isFalse();
  }
}
