package io.searchbridge.spark.sql;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import java.util.Locale;

/**
 * Spark's {@code mode} read option, as its JSON and CSV sources take it: {@code FAILFAST} (the
 * default) fails the task on a value that does not fit its column, naming document and field;
 * {@code PERMISSIVE} reads such a value as null.
 */
final class ParseMode {

  private static final String OPTION = "mode";

  private ParseMode() {}

  static boolean lenient(Settings settings) {
    String mode = settings.raw(OPTION).orElse("FAILFAST").toUpperCase(Locale.ROOT);
    return switch (mode) {
      case "FAILFAST" -> false;
      case "PERMISSIVE" -> true;
      default -> throw new InvalidSettingException(OPTION, "read option mode='" + mode + "' is not supported;"
          + " use FAILFAST (fail on a value that does not fit its column) or PERMISSIVE (read it as null)");
    };
  }
}
