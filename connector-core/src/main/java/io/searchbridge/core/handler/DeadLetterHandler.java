package io.searchbridge.core.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.write.BulkWriter;
import io.searchbridge.core.write.DocumentMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Built-in {@code es}: stores each failed document with its error in a dead-letter index, so that
 * nothing is lost and the failures can be queried, fixed and replayed. Options: {@code
 * client.resource} (the index, required), {@code client.nodes} and {@code client.port} (another
 * cluster; default the job's), {@code client.conf.<es.key>} (any other setting of that client).
 *
 * <p>Entries are buffered and sent in bulk; {@link #flush()} runs before the task acknowledges its
 * documents, and a failure to store them fails the task rather than losing them.
 */
final class DeadLetterHandler implements ErrorHandler {

  /** The job's settings the dead-letter client keeps: where the cluster is and how to talk to it. */
  private static final String[] INHERITED = {"es.nodes", "es.port", "es.net.", "es.http.", "es.batch.size.",
      "es.batch.write.retry.", "es.index.auto.create"};

  private final Settings jobSettings;
  private final String optionPrefix;
  private final String task;
  private Settings settings;
  private String index;
  private EsClient client;
  private BulkWriter writer;

  DeadLetterHandler(Settings jobSettings, String optionPrefix, String task) {
    this.jobSettings = jobSettings;
    this.optionPrefix = optionPrefix;
    this.task = task;
  }

  @Override
  public void configure(Map<String, String> options) {
    index = options.getOrDefault("client.resource", "").trim();
    if (index.isEmpty()) {
      throw new InvalidSettingException(optionPrefix + "client.resource", "the es error handler needs "
          + optionPrefix + "client.resource: the dead-letter index to store failed documents in");
    }
    Map<String, String> inherited = new HashMap<>();
    jobSettings.asMap().forEach((key, value) -> {
      for (String kept : INHERITED) {
        if (key.startsWith(kept)) {
          inherited.put(key, value);
        }
      }
    });
    putIfSet(inherited, "es.nodes", options.get("client.nodes"));
    putIfSet(inherited, "es.port", options.get("client.port"));
    options.forEach((key, value) -> {
      if (key.startsWith("client.conf.")) {
        inherited.put(key.substring("client.conf.".length()), value);
      }
    });
    inherited.put("es.resource.write", index);
    settings = Settings.of(inherited);
  }

  @Override
  public HandlerResult handle(Failure failure) {
    if (writer == null) {
      client = ElasticsearchJavaClient.open(settings, "searchbridge/dead-letter/" + task);
      writer = new BulkWriter(client, settings, task + " dead letters to [" + index + "]");
    }
    writer.add(index, DocumentMetadata.none(), entry(failure));
    return HandlerResult.handled();
  }

  /** The dead-letter document: where and why it failed, and the document itself as a string. */
  static byte[] entry(Failure failure) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("@timestamp", Instant.now().toString());
    entry.put("stage", failure.stage().wireName());
    entry.put("index", failure.index());
    entry.put("id", failure.id());
    entry.put("operation", failure.operation());
    entry.put("task", failure.task());
    entry.put("position", failure.position());
    ObjectNode error = entry.putObject("error");
    if (failure.status() > 0) {
      error.put("status", failure.status());
    }
    error.put("type", failure.errorType());
    error.put("reason", failure.reason());
    // A string, not an object: the document may be malformed or clash with the dead-letter mapping.
    entry.put("document", failure.documentAsString());
    return entry.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void flush() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void close() {
    if (client == null) {
      return;
    }
    try {
      writer.close();
    } finally {
      client.close();
    }
  }

  private static void putIfSet(Map<String, String> target, String key, String value) {
    if (value != null && !value.isBlank()) {
      target.put(key, value.trim());
    }
  }
}
