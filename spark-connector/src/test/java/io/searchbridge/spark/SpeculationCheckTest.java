package io.searchbridge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.config.Settings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SpeculationCheckTest {

  private static final SparkConf SPECULATIVE = new SparkConf(false).set("spark.speculation", "true");

  @Test
  void warnsWhenASpeculativeCopyWouldAddDocuments() {
    assertThat(SpeculationCheck.warning(SPECULATIVE, Settings.of(Map.of()), "logs")).hasValueSatisfying(message ->
        assertThat(message).contains("[logs]", "es.mapping.id", "es.mapping.id.generate=content", "spark.speculation"));
    assertThat(SpeculationCheck.warning(SPECULATIVE, Settings.of(Map.of("es.write.operation", "create")), "logs"))
        .isPresent();
  }

  @Test
  void quietWhenReplaysReplaceOrSpeculationIsOff() {
    assertThat(SpeculationCheck.warning(SPECULATIVE, Settings.of(Map.of("es.mapping.id", "id")), "logs")).isEmpty();
    assertThat(SpeculationCheck.warning(SPECULATIVE, Settings.of(Map.of("es.mapping.id.generate", "content")), "logs"))
        .isEmpty();
    assertThat(SpeculationCheck.warning(SPECULATIVE, Settings.of(Map.of("es.write.operation", "update",
        "es.mapping.id", "id")), "logs")).isEmpty();
    assertThat(SpeculationCheck.warning(new SparkConf(false), Settings.of(Map.of()), "logs")).isEmpty();
  }
}
