package io.searchbridge.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.client.NodeAddress;
import io.searchbridge.core.client.ResponseReader;
import io.searchbridge.core.client.ShardCopy;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.metrics.ConnectorMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EsClient} for unit tests of the write path: an in-memory index that applies {@code
 * index} and {@code create} bulk items as Elasticsearch does (ids, 409 on an existing id), with
 * faults scripted per bulk call: an item's answer, an exception or {@link Error} instead of an
 * answer, or an answer lost after the items were applied. Thread-safe: the writer sends from its own thread.
 */
final class ScriptedEsClient implements EsClient {

  private record ItemFault(int status, String type) {}

  private final ConnectorMetrics metrics = new ConnectorMetrics();
  private final Map<String, JsonNode> stored = new LinkedHashMap<>();
  private final Map<Integer, Map<Integer, ItemFault>> itemFaults = new HashMap<>();
  private final Map<Integer, Throwable> callFaults = new HashMap<>();
  private final Map<Integer, Boolean> lostAnswers = new HashMap<>();
  private final List<Integer> itemsPerCall = new ArrayList<>();
  private int generatedIds;
  private boolean closed;

  /** Bulk call {@code call} (from 1) answers item {@code item} (from 0) with this error instead of applying it. */
  synchronized ScriptedEsClient failItem(int call, int item, int status, String type) {
    itemFaults.computeIfAbsent(call, c -> new HashMap<>()).put(item, new ItemFault(status, type));
    return this;
  }

  /** Bulk call {@code call} throws {@code fault} without applying anything. */
  synchronized ScriptedEsClient failCall(int call, Throwable fault) {
    callFaults.put(call, fault);
    return this;
  }

  /** Bulk call {@code call} applies its items, then fails as a connection cut before the answer would. */
  synchronized ScriptedEsClient loseAnswer(int call) {
    lostAnswers.put(call, true);
    return this;
  }

  synchronized ScriptedEsClient store(String index, String id, String json) {
    stored.put(index + "/" + id, parse(json));
    return this;
  }

  synchronized Map<String, JsonNode> stored() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(stored));
  }

  /** How many items each bulk call carried, in order. */
  synchronized List<Integer> itemsPerCall() {
    return List.copyOf(itemsPerCall);
  }

  @Override
  public synchronized <T> T bulk(byte[] body, int length, ResponseReader<T> reader) {
    int call = itemsPerCall.size() + 1;
    String[] lines = new String(body, 0, length, StandardCharsets.UTF_8).split("\n");
    itemsPerCall.add(lines.length / 2);
    Throwable fault = callFaults.get(call);
    if (fault instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (fault instanceof Error error) {
      throw error;
    }
    ArrayNode items = Json.MAPPER.createArrayNode();
    Map<Integer, ItemFault> faults = itemFaults.getOrDefault(call, Map.of());
    for (int item = 0; item < lines.length / 2; item++) {
      JsonNode action = parse(lines[2 * item]);
      String operation = action.fieldNames().next();
      JsonNode target = action.path(operation);
      String id = target.has("_id") ? target.path("_id").asText() : "generated-" + ++generatedIds;
      String key = target.path("_index").asText() + "/" + id;
      ItemFault itemFault = faults.get(item);
      if (itemFault == null && operation.equals("create") && stored.containsKey(key)) {
        itemFault = new ItemFault(409, "version_conflict_engine_exception");
      }
      ObjectNode answer = items.addObject().putObject(operation);
      if (itemFault != null) {
        answer.put("status", itemFault.status());
        answer.putObject("error").put("type", itemFault.type()).put("reason", "scripted " + itemFault.type());
      } else {
        stored.put(key, parse(lines[2 * item + 1]));
        answer.put("status", 201);
      }
    }
    if (lostAnswers.containsKey(call)) {
      throw new EsRequestException("bulk request failed: no Elasticsearch node could be reached (scripted)", 0, "",
          new IOException("connection closed before the answer"));
    }
    ObjectNode response = Json.MAPPER.createObjectNode().put("errors", !faults.isEmpty());
    response.set("items", items);
    return read(response, reader);
  }

  @Override
  public synchronized <T> T multiGet(byte[] body, ResponseReader<T> reader) {
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode docs = response.putArray("docs");
    for (JsonNode doc : parse(new String(body, StandardCharsets.UTF_8)).path("docs")) {
      JsonNode source = stored.get(doc.path("_index").asText() + "/" + doc.path("_id").asText());
      ObjectNode answer = docs.addObject().put("found", source != null);
      if (source != null) {
        answer.set("_source", source);
      }
    }
    return read(response, reader);
  }

  @Override
  public boolean indexExists(String index) {
    return true;
  }

  @Override
  public ConnectorMetrics metrics() {
    return metrics;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  synchronized boolean closed() {
    return closed;
  }

  private static <T> T read(JsonNode response, ResponseReader<T> reader) {
    try {
      return reader.read(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(response)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- not used by the write path

  @Override
  public String serverVersion() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<NodeAddress> nodes() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void createIndex(String index, String bodyJson) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteIndex(String index) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void putIndexTemplate(String name, String bodyJson) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void updateAliases(String bodyJson) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void refresh(String resource) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] indexDefinition(String index) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] mappings(String resource) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ShardCopy> searchShards(String resource) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long count(String resource, String queryJson, Optional<Integer> shard) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String openPointInTime(String resource, Duration keepAlive, Optional<Integer> shard) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void closePointInTime(String pitId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T search(String path, byte[] body, ResponseReader<T> reader) {
    throw new UnsupportedOperationException();
  }
}
