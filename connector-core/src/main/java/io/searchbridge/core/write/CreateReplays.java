package io.searchbridge.core.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a {@code create} that meets its own earlier write from a real conflict. A bulk request
 * whose answer was lost after Elasticsearch applied it is sent again, and a task that failed after
 * some of its batches landed is run again; either way each document already written now answers
 * 409. Failing on those would fail the job on every re-run. A 409 whose stored {@code _source}
 * equals the document being written is that replay, so it counts as written; any other 409 is a
 * real conflict and stays a failure. The check costs one {@code _mget}, only for batches that met 409.
 */
final class CreateReplays {

  private CreateReplays() {}

  /** The items among {@code conflicts} (409s of {@code create}s in {@code sent}) whose stored document equals the one sent. */
  static Set<Integer> alreadyWritten(EsClient client, BulkBuffer sent, List<BulkItemFailure> conflicts) {
    if (conflicts.isEmpty()) {
      return Set.of();
    }
    List<JsonNode> stored = client.multiGet(multiGetBody(sent, conflicts), CreateReplays::sources);
    if (stored.size() != conflicts.size()) {
      throw new IllegalStateException("_mget answered " + stored.size() + " documents for " + conflicts.size());
    }
    Set<Integer> replays = new HashSet<>();
    for (int i = 0; i < conflicts.size(); i++) {
      int item = conflicts.get(i).item();
      if (stored.get(i) != null && stored.get(i).equals(parse(sent.document(item)))) {
        replays.add(item);
      }
    }
    return replays;
  }

  private static byte[] multiGetBody(BulkBuffer sent, List<BulkItemFailure> conflicts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * conflicts.size());
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("docs");
      for (BulkItemFailure conflict : conflicts) {
        DocumentMetadata metadata = sent.metadata(conflict.item());
        json.writeStartObject();
        json.writeStringField("_index", sent.index(conflict.item()));
        json.writeStringField("_id", metadata.id());
        if (metadata.routing() != null) {
          json.writeStringField("routing", metadata.routing());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Each requested document's {@code _source} in request order; null where it is gone. */
  private static List<JsonNode> sources(InputStream body) throws IOException {
    JsonNode docs = Json.MAPPER.readTree(body).path("docs");
    List<JsonNode> sources = new ArrayList<>(docs.size());
    for (JsonNode doc : docs) {
      sources.add(doc.path("found").asBoolean(false) ? doc.path("_source") : null);
    }
    return sources;
  }

  private static JsonNode parse(byte[] document) {
    try {
      return Json.MAPPER.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
