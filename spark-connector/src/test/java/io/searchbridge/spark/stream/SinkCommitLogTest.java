package io.searchbridge.spark.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkCommitLogTest {

  @TempDir
  Path checkpoint;

  private SinkCommitLog log() {
    return SinkCommitLog.under(checkpoint.toString(), new Configuration());
  }

  @Test
  void emptyLogHasNoCommittedEpoch() {
    assertThat(log().lastCommitted()).isEqualTo(-1);
  }

  @Test
  void lastCommittedSurvivesANewInstance() {
    log().add(0);
    log().add(1);
    log().add(1); // an epoch recorded twice stays recorded
    assertThat(log().lastCommitted()).isEqualTo(1);
    assertThat(checkpoint.resolve("searchbridge-sink/commits/1")).hasContent("1");
  }

  @Test
  void leavesNoTemporaryFilesAndPurgesOldEntries() throws IOException {
    SinkCommitLog log = log();
    for (long epoch = 0; epoch < 150; epoch++) {
      log.add(epoch);
    }
    try (Stream<Path> files = Files.list(checkpoint.resolve("searchbridge-sink/commits"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
          .hasSize(100).contains("149", "50").doesNotContain("49").noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(log.lastCommitted()).isEqualTo(149);
  }
}
