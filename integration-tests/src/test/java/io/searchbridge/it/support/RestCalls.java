package io.searchbridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP calls for test set-up and assertions, independent of the connector's own client, so
 * that a bug in the client cannot hide itself from the tests that check it.
 */
public final class RestCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String url;

  public RestCalls(ElasticsearchServer server) {
    this.url = server.url();
  }

  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  public JsonNode put(String path, String json) {
    return send("PUT", path, json);
  }

  public JsonNode post(String path, String json) {
    return send("POST", path, json);
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  public long count(String index) {
    post("/" + index + "/_refresh", null);
    return get("/" + index + "/_count").path("count").asLong();
  }

  /**
   * Search contexts (point-in-times and scrolls) open on {@code index}; per index, so that other
   * tests sharing the server cannot disturb the count.
   */
  public long openSearchContexts(String index) {
    return get("/" + index + "/_stats/search").path("_all").path("total").path("search").path("open_contexts").asLong();
  }

  private JsonNode send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
