package io.searchbridge.core.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Request paths for a resource (index, alias, pattern or comma-separated list), encoded once, the
 * same way everywhere: wildcards stay, everything else a URL path cannot carry is escaped.
 */
public final class ResourcePaths {

  private ResourcePaths() {}

  /** {@code /<resource><endpoint>}, e.g. {@code path("logs-*", "/_search")}. */
  public static String path(String resource, String endpoint) {
    return "/" + URLEncoder.encode(resource, StandardCharsets.UTF_8).replace("+", "%20") + endpoint;
  }
}
