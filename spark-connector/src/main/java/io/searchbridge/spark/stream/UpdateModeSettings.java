package io.searchbridge.spark.stream;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;

/**
 * Update output mode emits a row again each time its values change; in Elasticsearch that means
 * updating the document with the row's id, so the id column is required and the default operation
 * becomes {@code upsert}. An explicit {@code es.write.operation} is the user's choice and stays.
 */
final class UpdateModeSettings {

  private UpdateModeSettings() {}

  static Settings apply(Settings settings, boolean update) {
    if (!update) {
      return settings;
    }
    if (settings.get(Keys.MAPPING_ID).isEmpty()) {
      throw new InvalidSettingException("es.mapping.id", "the searchbridge sink writes Update output mode as"
          + " upserts by document id: set es.mapping.id to the column holding the id, or use Append mode");
    }
    if (settings.raw(Keys.WRITE_OPERATION.key()).isEmpty()) {
      return settings.with(Keys.WRITE_OPERATION.key(), "upsert");
    }
    return settings;
  }
}
