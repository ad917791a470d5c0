package io.searchbridge.spark.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateModeSettingsTest {

  @Test
  void appendModeKeepsSettings() {
    Settings settings = Settings.of(Map.of());
    assertThat(UpdateModeSettings.apply(settings, false)).isSameAs(settings);
  }

  @Test
  void updateModeUpsertsById() {
    Settings settings = UpdateModeSettings.apply(Settings.of(Map.of("es.mapping.id", "id")), true);
    assertThat(settings.get(Keys.WRITE_OPERATION)).isEqualTo(WriteOperation.UPSERT);
  }

  @Test
  void updateModeKeepsAnExplicitOperation() {
    Settings settings = UpdateModeSettings.apply(
        Settings.of(Map.of("es.mapping.id", "id", "es.write.operation", "index")), true);
    assertThat(settings.get(Keys.WRITE_OPERATION)).isEqualTo(WriteOperation.INDEX);
  }

  @Test
  void updateModeWithoutIdNamesTheSetting() {
    assertThatThrownBy(() -> UpdateModeSettings.apply(Settings.of(Map.of()), true))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("es.mapping.id")
        .hasMessageContaining("Update");
  }
}
