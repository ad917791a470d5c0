package io.searchbridge.core.plan;

import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one rule for reading an index that does not exist: empty when {@code es.index.read.missing.as.empty}, else a clear error. */
public final class MissingIndex {

  private static final Logger LOG = LoggerFactory.getLogger(MissingIndex.class);

  private MissingIndex() {}

  /** Returns normally when the read may treat {@code resource} as empty; throws otherwise. */
  public static void readAsEmptyOrFail(Settings settings, String resource, Throwable cause) {
    if (settings.get(Keys.INDEX_READ_MISSING_AS_EMPTY)) {
      LOG.info("[{}] does not exist; reading it as empty (es.index.read.missing.as.empty)", resource);
      return;
    }
    throw new EsRequestException("index [" + resource + "] does not exist; set es.index.read.missing.as.empty=true to"
        + " read a missing index as empty", 404, "index_not_found_exception", cause);
  }
}
