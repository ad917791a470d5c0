package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

  @Test
  void reportsUnknownEsKeysOnlyAndKeepsTheRest() {
    Settings settings =
        Settings.of(
            Map.of(
                "es.batch.size.entires", "10",
                "es.totally.made.up", "x",
                "es.net.http.header.X-Opaque-Id", "job-42",
                "spark.executor.memory", "4g",
                "path", "logs"));

    assertThat(settings.unknownKeys()).containsExactly("es.batch.size.entires", "es.totally.made.up");
    assertThat(settings.raw("spark.executor.memory")).contains("4g");
    assertThat(settings.get(Keys.BATCH_SIZE_ENTRIES)).as("a misspelt key does not apply").isEqualTo(1000);
  }

  @Test
  void suggestsTheClosestKeyForATypo() {
    assertThat(UnknownKeys.warning("es.batch.size.entires"))
        .isEqualTo("Unknown setting es.batch.size.entires -> did you mean es.batch.size.entries?");
    assertThat(UnknownKeys.closest("es.node")).contains("es.nodes");
    assertThat(UnknownKeys.closest("es.net.htttp.auth.pas")).contains("es.net.http.auth.pass");
  }

  @Test
  void suggestsNothingWhenNoKeyIsClose() {
    assertThat(UnknownKeys.closest("es.totally.made.up")).isEmpty();
    assertThat(UnknownKeys.warning("es.totally.made.up")).isEqualTo("Unknown setting es.totally.made.up is ignored");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(UnknownKeys.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(UnknownKeys.editDistance("entires", "entries")).isEqualTo(2);
    assertThat(UnknownKeys.editDistance("", "abc")).isEqualTo(3);
    assertThat(UnknownKeys.editDistance("same", "same")).isZero();
  }
}
