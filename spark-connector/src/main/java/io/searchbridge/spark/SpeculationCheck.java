package io.searchbridge.spark;

import io.searchbridge.core.config.Settings;
import io.searchbridge.core.write.ReplaySafety;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speculative execution runs a slow task twice and keeps whichever finishes first; both copies
 * write. With ids from Elasticsearch that is two copies of every document the slow task wrote,
 * silently, so a write that cannot be replayed safely says so before it starts.
 */
public final class SpeculationCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SpeculationCheck.class);

  private SpeculationCheck() {}

  public static void warnIfDuplicating(SparkConf conf, Settings settings, String target) {
    warning(conf, settings, target).ifPresent(LOG::warn);
  }

  static Optional<String> warning(SparkConf conf, Settings settings, String target) {
    if (!conf.getBoolean("spark.speculation", false) || !ReplaySafety.duplicatesOnReplay(settings)) {
      return Optional.empty();
    }
    return Optional.of("spark.speculation is on and the write to [" + target + "] has no document ids: a task that"
        + " Spark runs twice writes its documents twice. Set es.mapping.id to a unique field, or"
        + " es.mapping.id.generate=content, or turn spark.speculation off for this job");
  }
}
