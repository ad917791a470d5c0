package io.searchbridge.mr;

import io.searchbridge.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** The connector's settings of a job: every {@code es.*} key of its Configuration (variables expanded). */
public final class HadoopSettings {

  private HadoopSettings() {}

  public static Settings of(Configuration conf) {
    Map<String, String> raw = new HashMap<>();
    conf.getPropsWithPrefix("es.").forEach((key, value) -> raw.put("es." + key, value));
    return Settings.of(raw);
  }
}
