package io.searchbridge.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Renders {@link Keys} as the README's Markdown table, so the documented keys, defaults and doc
 * lines are the ones the code uses. Run {@link #main(String[])} to rewrite the README section.
 */
public final class SettingsDocs {

  public static final String BEGIN_MARKER = "<!-- settings:begin -->";
  public static final String END_MARKER = "<!-- settings:end -->";

  private SettingsDocs() {}

  /** The table, one row per setting in registry order, ending with a newline. */
  public static String markdownTable() {
    return Keys.all().stream()
        .map(SettingsDocs::row)
        .collect(Collectors.joining("\n", "| key | default | description |\n|---|---|---|\n", "\n"));
  }

  /** {@code readme} with the text between the markers replaced by the current table. */
  public static String rewrite(String readme) {
    int begin = readme.indexOf(BEGIN_MARKER);
    int end = readme.indexOf(END_MARKER);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("README lacks " + BEGIN_MARKER + " ... " + END_MARKER);
    }
    return readme.substring(0, begin + BEGIN_MARKER.length())
        + "\n"
        + markdownTable()
        + readme.substring(end);
  }

  /** Rewrites the settings section of the README at {@code args[0]} (default {@code README.md}). */
  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args.length > 0 ? args[0] : "README.md");
    Files.writeString(readme, rewrite(Files.readString(readme, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static String row(Setting<?> setting) {
    String key = setting.isPrefix() ? setting.key() + "<name>" : setting.key();
    String defaultText = setting.defaultText().isEmpty() ? "" : code(setting.defaultText());
    return "| " + code(key) + " | " + defaultText + " | " + escape(setting.doc()) + " |";
  }

  private static String code(String text) {
    return "`" + text.replace("|", "\\|") + "`";
  }

  // Doc lines mention placeholders such as <token>, which Markdown would swallow as HTML tags.
  private static String escape(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
