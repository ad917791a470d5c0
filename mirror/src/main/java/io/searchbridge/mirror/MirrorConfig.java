package io.searchbridge.mirror;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mirror does, read once from the {@code es.mirror.*} settings, with the connection
 * settings of both clusters. The primary is the usual {@code es.*}; the standby inherits them and
 * overrides any with {@code es.mirror.standby.*}, so batch sizes and timeouts are set once.
 */
public record MirrorConfig(List<String> indexes, Duration interval, Optional<String> markerField, long markerOverlap,
    String stateIndex, Settings primary, Settings standby) {

  private static final String STANDBY_NODES = Keys.MIRROR_STANDBY.key() + "nodes";

  public MirrorConfig {
    indexes = List.copyOf(indexes);
  }

  /** @throws InvalidSettingException naming the missing or conflicting key */
  public static MirrorConfig from(Settings settings) {
    List<String> indexes = settings.get(Keys.MIRROR_INDEXES);
    if (indexes.isEmpty()) {
      throw new InvalidSettingException(Keys.MIRROR_INDEXES.key(),
          "nothing to mirror: set es.mirror.indexes to the indexes or patterns to copy");
    }
    if (settings.raw(STANDBY_NODES).isEmpty()) {
      throw new InvalidSettingException(STANDBY_NODES,
          "no standby cluster: set " + STANDBY_NODES + " (es.nodes is the primary)");
    }
    return new MirrorConfig(indexes, settings.get(Keys.MIRROR_INTERVAL), settings.get(Keys.MIRROR_MARKER_FIELD),
        settings.get(Keys.MIRROR_MARKER_OVERLAP), settings.get(Keys.MIRROR_STATE_INDEX), primary(settings),
        standby(settings));
  }

  /**
   * Reads go through one point-in-time per round: the round's newest marker is taken from the same
   * snapshot the documents were copied from, which point-in-times opened per shard could not guarantee.
   */
  static Settings primary(Settings settings) {
    return settings.with(Keys.READ_PARTITION_STRATEGY.key(), "pit");
  }

  /**
   * The standby's settings: the primary's, overridden by {@code es.mirror.standby.*}, writing
   * documents as they are ({@code index}, no ingest pipeline, which would alter them).
   */
  static Settings standby(Settings settings) {
    Map<String, String> raw = new HashMap<>(settings.asMap());
    raw.keySet().removeIf(key -> key.startsWith(Keys.MIRROR_STANDBY.key()) || key.equals(Keys.INGEST_PIPELINE.key()));
    settings.byPrefix(Keys.MIRROR_STANDBY.key()).forEach((name, value) -> raw.put("es." + name, value));
    raw.put(Keys.WRITE_OPERATION.key(), "index");
    return Settings.of(raw);
  }
}
