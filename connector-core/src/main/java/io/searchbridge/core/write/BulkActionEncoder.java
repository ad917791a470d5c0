package io.searchbridge.core.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;
import io.searchbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes one bulk entry (action line and, except for deletes, the document line) for the
 * configured {@code es.write.operation}. Documents arrive as JSON bytes and are copied, not parsed,
 * unless they contain raw line breaks, which would break the NDJSON framing of their neighbours.
 */
final class BulkActionEncoder {

  private final WriteOperation operation;
  private final int retryOnConflict;
  private final Optional<String> versionType;
  private final Optional<String> pipeline;
  private final Optional<String> script;
  private final String writer;
  private final BufferSink sink = new BufferSink();
  /** One generator writes every action line of this encoder. */
  private JsonGenerator actionJson = Json.framedGenerator(sink);

  BulkActionEncoder(Settings settings, String writer) {
    this.writer = writer;
    this.operation = settings.get(Keys.WRITE_OPERATION);
    this.retryOnConflict = settings.get(Keys.UPDATE_RETRY_ON_CONFLICT);
    this.versionType = settings.get(Keys.MAPPING_VERSION_TYPE);
    this.pipeline = settings.get(Keys.INGEST_PIPELINE);
    this.script = UpdateScript.fromSettings(settings, operation);
  }

  WriteOperation operation() {
    return operation;
  }

  void encode(BulkBuffer buffer, String index, DocumentMetadata metadata, byte[] document, long sequence) {
    if (metadata.id() == null && operation != WriteOperation.INDEX && operation != WriteOperation.CREATE) {
      throw new BulkWriteException("es.write.operation=" + operation.wireName() + " needs a document id, but "
          + BulkBuffer.label(null, sequence, writer) + " for index [" + index + "] has none; set es.mapping.id to the"
          + " field holding it", 1);
    }
    buffer.startEntry(index, metadata, document, sequence);
    try {
      writeActionLine(buffer, index, metadata);
      if (operation != WriteOperation.DELETE) {
        writeDocumentLine(buffer, document, () -> BulkBuffer.label(metadata.id(), sequence, writer), index);
      }
    } catch (RuntimeException e) {
      buffer.abortEntry();
      throw e;
    }
  }

  private void writeActionLine(BulkBuffer buffer, String index, DocumentMetadata metadata) {
    sink.target = buffer;
    try {
      JsonGenerator json = actionJson;
      json.writeStartObject();
      json.writeObjectFieldStart(actionName());
      json.writeStringField("_index", index);
      if (metadata.id() != null) {
        json.writeStringField("_id", metadata.id());
      }
      if (metadata.routing() != null) {
        json.writeStringField("routing", metadata.routing());
      }
      boolean versioned = operation != WriteOperation.UPDATE && operation != WriteOperation.UPSERT;
      if (metadata.version() != null && versioned) {
        json.writeStringField("version", metadata.version());
        json.writeStringField("version_type", versionType.orElse("external"));
      }
      if (!versioned && retryOnConflict > 0) {
        json.writeNumberField("retry_on_conflict", retryOnConflict);
      }
      if (pipeline.isPresent() && (operation == WriteOperation.INDEX || operation == WriteOperation.CREATE)) {
        json.writeStringField("pipeline", pipeline.get());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
    } catch (IOException | RuntimeException e) {
      // The generator is left inside the broken line; the next entry needs a fresh one.
      actionJson = Json.framedGenerator(sink);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    buffer.write((byte) '\n');
  }

  private void writeDocumentLine(BulkBuffer buffer, byte[] document, Supplier<String> label, String index) {
    byte[] compact = hasLineBreak(document) ? compact(document, label, index) : document;
    switch (operation) {
      case INDEX, CREATE -> buffer.write(compact, 0, compact.length);
      case UPDATE, UPSERT -> {
        if (script.isPresent()) {
          writeRaw(buffer, "{\"script\":" + script.get());
          if (operation == WriteOperation.UPSERT) {
            writeRaw(buffer, ",\"upsert\":");
            buffer.write(compact, 0, compact.length);
          }
        } else {
          writeRaw(buffer, "{\"doc\":");
          buffer.write(compact, 0, compact.length);
          if (operation == WriteOperation.UPSERT) {
            writeRaw(buffer, ",\"doc_as_upsert\":true");
          }
        }
        buffer.write((byte) '}');
      }
      case DELETE -> throw new IllegalStateException("deletes have no document line");
    }
    buffer.write((byte) '\n');
  }

  private String actionName() {
    return operation == WriteOperation.UPSERT ? "update" : operation.wireName();
  }

  private static boolean hasLineBreak(byte[] document) {
    for (byte b : document) {
      if (b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Re-serialises a document on one line; also the place where malformed JSON is caught before sending. */
  private static byte[] compact(byte[] document, Supplier<String> label, String index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
    try (JsonParser parser = Json.FACTORY.createParser(document); JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      parser.nextToken();
      generator.copyCurrentStructure(parser);
      if (parser.nextToken() != null) {
        throw new BulkWriteException(label.get() + " for index [" + index + "] holds more than one JSON value", 1);
      }
    } catch (JsonProcessingException e) {
      throw new BulkWriteException(label.get() + " for index [" + index + "] is not valid JSON: " + e.getOriginalMessage(), 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeRaw(BulkBuffer buffer, String ascii) {
    byte[] bytes = ascii.getBytes(StandardCharsets.UTF_8);
    buffer.write(bytes, 0, bytes.length);
  }

  /** Hands the generator's output to whichever buffer the current entry goes to. */
  private static final class BufferSink extends OutputStream {
    private BulkBuffer target;

    @Override
    public void write(int b) {
      target.write((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      target.write(bytes, offset, length);
    }
  }

  /** The script object of scripted updates, built once from {@code es.update.script.*}. */
  static final class UpdateScript {

    private UpdateScript() {}

    static Optional<String> fromSettings(Settings settings, WriteOperation operation) {
      Optional<String> inline = settings.get(Keys.UPDATE_SCRIPT_INLINE);
      Optional<String> stored = settings.get(Keys.UPDATE_SCRIPT_STORED);
      if (inline.isEmpty() && stored.isEmpty()) {
        return Optional.empty();
      }
      if (inline.isPresent() && stored.isPresent()) {
        throw new InvalidSettingException("es.update.script.inline",
            "set only one of es.update.script.inline and es.update.script.stored");
      }
      if (operation != WriteOperation.UPDATE && operation != WriteOperation.UPSERT) {
        throw new InvalidSettingException("es.update.script.inline",
            "es.update.script.* applies only to es.write.operation=update or upsert, not " + operation.wireName());
      }
      if (settings.get(Keys.UPDATE_SCRIPT_PARAMS).isPresent()) {
        throw new InvalidSettingException("es.update.script.params",
            "es.update.script.params (parameters taken from document fields) is not supported yet;"
                + " use es.update.script.params.json for constant parameters");
      }
      var script = Json.MAPPER.createObjectNode();
      inline.ifPresent(source -> script.put("source", source));
      stored.ifPresent(id -> script.put("id", id));
      settings.get(Keys.UPDATE_SCRIPT_LANG).ifPresent(lang -> script.put("lang", lang));
      settings.get(Keys.UPDATE_SCRIPT_PARAMS_JSON).ifPresent(params -> {
        try {
          script.set("params", Json.MAPPER.readTree(params));
        } catch (JsonProcessingException e) {
          throw new InvalidSettingException("es.update.script.params.json",
              "es.update.script.params.json is not valid JSON: " + e.getOriginalMessage());
        }
      });
      return Optional.of(script.toString());
    }
  }
}
