package io.searchbridge.spark.sql;

import io.searchbridge.core.config.Settings;
import io.searchbridge.spark.SparkSettings;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one table, with the path Spark passes ({@code load("index")}, {@code
 * save("index")}) standing for {@code es.resource} when that is not set.
 */
record EsTableOptions(Settings settings) implements Serializable {

  static EsTableOptions of(Map<String, String> options) {
    Map<String, String> withResource = new HashMap<>(options);
    String path = options.get("path");
    if (path != null && !path.isBlank()) {
      withResource.putIfAbsent("es.resource", path);
    }
    withResource.remove("path");
    return new EsTableOptions(SparkSettings.forSession(withResource));
  }

  Optional<String> readResource() {
    return settings.readResource();
  }

  String requireReadResource() {
    return settings.readResource().orElseThrow(() -> new io.searchbridge.core.config.InvalidSettingException(
        "es.resource", "no index to read: pass it to load(\"index\") or set es.resource (or es.resource.read)"));
  }

  String name() {
    return settings.readResource().or(settings::writeResource).orElse("searchbridge");
  }
}
