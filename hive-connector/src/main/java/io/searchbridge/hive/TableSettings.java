package io.searchbridge.hive;

import io.searchbridge.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The connector settings of a table: its {@code es.*} TBLPROPERTIES. */
final class TableSettings {

  private TableSettings() {}

  static Map<String, String> esProperties(Properties properties) {
    Map<String, String> es = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("es.")) {
        es.put(name, properties.getProperty(name));
      }
    }
    return es;
  }

  static Settings of(Properties properties) {
    return Settings.of(esProperties(properties));
  }
}
