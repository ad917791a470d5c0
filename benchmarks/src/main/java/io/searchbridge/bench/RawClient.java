package io.searchbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.http.HttpHost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The "raw" side of the benchmark: Elasticsearch's low-level REST client with hand-written request
 * bodies and nothing of the connector on the request path. Also sets up and removes the indexes.
 */
final class RawClient implements AutoCloseable {

  static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final RestClient rest;

  RawClient(String url) {
    this.rest = RestClient.builder(HttpHost.create(url)).build();
  }

  /** Performs a request and returns its body; any status other than 2xx fails. */
  byte[] send(String method, String path, byte[] body, ContentType type) {
    Request request = new Request(method, path);
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, type));
    }
    try {
      Response response = rest.performRequest(request);
      return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  /** Like {@link #send}, for callers that stream the body themselves. */
  InputStream stream(String path, byte[] body) throws IOException {
    Request request = new Request("POST", path);
    request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    return rest.performRequest(request).getEntity().getContent();
  }

  JsonNode json(String method, String path, String body) {
    try {
      byte[] bytes = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return Json.MAPPER.readTree(send(method, path, bytes, ContentType.APPLICATION_JSON));
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

  /** Number of groups of a one-page composite aggregation on {@code field}, as the connector pushes it. */
  int groupCount(String index, String field) {
    JsonNode response = json("POST", "/" + index + "/_search", "{\"size\":0,\"track_total_hits\":false,\"aggs\":"
        + "{\"g\":{\"composite\":{\"size\":1000,\"sources\":[{\"" + field + "\":{\"terms\":{\"field\":\"" + field
        + "\",\"missing_bucket\":true}}}]}}}}");
    return response.path("aggregations").path("g").path("buckets").size();
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
