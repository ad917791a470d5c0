package io.searchbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain REST against Elasticsearch with the JDK's own HTTP client: the raw side of the benchmark, and
 * the harness's index set-up in every JVM. JDK and Jackson only, so it runs next to either connector
 * without putting anything of ours on the official connector's classpath.
 */
final class RawClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPLICATION_JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  RawClient(String url) {
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The response body, to be read by the caller; any status other than 2xx fails with the server's answer. */
  InputStream stream(String method, String path, byte[] body, String contentType) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(method + " " + path + " interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      try (InputStream error = response.body()) {
        String text = new String(error.readNBytes(2000), StandardCharsets.UTF_8);
        throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + text);
      }
    }
    return response.body();
  }

  byte[] send(String method, String path, byte[] body, String contentType) {
    try (InputStream in = stream(method, path, body, contentType)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode json(String method, String path, String body) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    try {
      return JSON.readTree(send(method, path, bytes, APPLICATION_JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void recreateIndex(String index, String definition) {
    deleteIndex(index);
    json("PUT", "/" + index, definition);
  }

  void deleteIndex(String index) {
    json("DELETE", "/" + index + "?ignore_unavailable=true", null);
  }

  void refresh(String index) {
    json("POST", "/" + index + "/_refresh", null);
  }

  long count(String index, String queryJson) {
    return json("POST", "/" + index + "/_count", "{\"query\":" + queryJson + "}").path("count").asLong();
  }

  /** Number of groups of {@code field}: one terms aggregation, the cheapest way to ask. */
  int groups(String index, String field) {
    JsonNode response = json("POST", "/" + index + "/_search?filter_path=aggregations",
        "{\"size\":0,\"track_total_hits\":false,\"aggs\":{\"g\":{\"terms\":{\"field\":\"" + field
            + "\",\"size\":1000}}}}");
    return response.path("aggregations").path("g").path("buckets").size();
  }

  /** Version and heap of the (single) node, for the table's heading. */
  String serverDescription() {
    JsonNode node = json("GET", "/_nodes/jvm", null).path("nodes").elements().next();
    long heapMb = node.path("jvm").path("mem").path("heap_max_in_bytes").asLong() / (1024 * 1024);
    return String.format("Elasticsearch %s, heap %,d MB", node.path("version").asText(), heapMb);
  }
}
