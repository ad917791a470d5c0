package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SettingsDocsTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void readmeContainsTheCurrentSettingsTable() throws IOException {
    Assumptions.assumeTrue(Files.exists(README), "no README.md at the repository root yet");
    String readme = Files.readString(README);

    assertThat(readme)
        .as(
            "README.md's settings table is out of date with Keys. Regenerate it from the repository root:%n"
                + "  mvn -B -q -pl connector-core compile && java -cp connector-core/target/classes"
                + " io.searchbridge.core.config.SettingsDocs README.md")
        .isEqualTo(SettingsDocs.rewrite(readme));
  }

  @Test
  void rendersOneRowPerSettingWithDefaultsAndEscapedDocs() {
    String table = SettingsDocs.markdownTable();

    assertThat(table.lines()).hasSize(2 + Keys.all().size());
    assertThat(table)
        .startsWith("| key | default | description |\n|---|---|---|\n| `es.nodes` | `localhost` | ")
        .contains("| `es.batch.size.bytes` | `1mb` | ")
        .contains("| `es.resource` |  | ")
        .contains("| `es.net.http.header.<name>` |  | ")
        .contains("Bearer &lt;token&gt;");
  }

  @Test
  void rewriteReplacesOnlyTheTextBetweenTheMarkers() {
    String readme = "# Title\n" + SettingsDocs.BEGIN_MARKER + "\nstale\n" + SettingsDocs.END_MARKER + "\nafter\n";

    assertThat(SettingsDocs.rewrite(readme))
        .isEqualTo(
            "# Title\n" + SettingsDocs.BEGIN_MARKER + "\n" + SettingsDocs.markdownTable() + SettingsDocs.END_MARKER
                + "\nafter\n");
    assertThatThrownBy(() -> SettingsDocs.rewrite("# no markers")).isInstanceOf(IllegalArgumentException.class);
  }
}
