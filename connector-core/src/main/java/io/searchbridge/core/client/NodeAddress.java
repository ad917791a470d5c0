package io.searchbridge.core.client;

import io.searchbridge.core.config.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.apache.http.HttpHost;

/**
 * One entry of {@code es.nodes}: {@code host}, {@code host:port} or {@code scheme://host:port}. The
 * port defaults to {@code es.port} and the scheme to the one {@code es.net.ssl} implies, as in
 * ES-Hadoop, so existing configurations keep working.
 */
public record NodeAddress(String scheme, String host, int port) {

  public static NodeAddress parse(String entry, int defaultPort, boolean ssl) {
    String trimmed = entry.trim();
    String withScheme = trimmed.contains("://") ? trimmed : (ssl ? "https://" : "http://") + trimmed;
    try {
      URI uri = new URI(withScheme);
      if (uri.getHost() == null) {
        throw invalid(entry, "no host");
      }
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw invalid(entry, "scheme must be http or https");
      }
      return new NodeAddress(scheme, uri.getHost(), uri.getPort() == -1 ? defaultPort : uri.getPort());
    } catch (URISyntaxException e) {
      throw invalid(entry, e.getMessage());
    }
  }

  public static List<NodeAddress> parseAll(List<String> entries, int defaultPort, boolean ssl) {
    if (entries.isEmpty()) {
      throw new InvalidSettingException("es.nodes", "es.nodes is empty: name at least one node, e.g. es.nodes=localhost:9200");
    }
    return entries.stream().map(e -> parse(e, defaultPort, ssl)).toList();
  }

  /** Parses the {@code host:port} or {@code name/ip:port} forms Elasticsearch reports as publish addresses. */
  public static NodeAddress fromPublishAddress(String publishAddress, String scheme) {
    String address = publishAddress.contains("/") ? publishAddress.substring(publishAddress.indexOf('/') + 1) : publishAddress;
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new NodeAddress(scheme, host, Integer.parseInt(address.substring(colon + 1)));
  }

  HttpHost toHttpHost() {
    return new HttpHost(host, port, scheme);
  }

  private static InvalidSettingException invalid(String entry, String why) {
    return new InvalidSettingException("es.nodes", "es.nodes entry '" + entry + "' is not a node address (" + why
        + "); expected host, host:port or http(s)://host:port");
  }

  @Override
  public String toString() {
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
