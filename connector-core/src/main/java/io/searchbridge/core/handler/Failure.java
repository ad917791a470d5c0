package io.searchbridge.core.handler;

import java.nio.charset.StandardCharsets;

/**
 * One document that failed, as handlers see it.
 *
 * @param stage where it failed
 * @param index the target (bulk, encoding) or source (decoding) index; empty when not yet known
 * @param id the document id, or empty when it has none yet
 * @param operation the bulk action ({@code index}, {@code update}, ...) or {@code read}
 * @param status the HTTP status of a bulk item; 0 for encoding and decoding failures
 * @param errorType Elasticsearch's error type, or the exception class for local failures
 * @param reason the error message
 * @param document the original document bytes (JSON for bulk failures and decoded {@code _source};
 *     a text rendering of the value when it could not be encoded)
 * @param task the engine task or writer that saw the failure, e.g. {@code partition 3 (task 41)}
 * @param position the document's 1-based position in that task, 0 when unknown
 * @param attempt how many times a handler already asked to retry this document
 */
public record Failure(Stage stage, String index, String id, String operation, int status, String errorType,
    String reason, byte[] document, String task, long position, int attempt) {

  public enum Stage {
    /** Elasticsearch refused the document in a {@code _bulk} response. */
    BULK,
    /** The engine value could not be turned into a JSON document. */
    ENCODING,
    /** A hit's {@code _source} could not be turned into the engine's record. */
    DECODING;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public String documentAsString() {
    return new String(document, StandardCharsets.UTF_8);
  }

  /** One line naming the document, its index and the error, for logs and messages. */
  public String describe() {
    return describeWithoutContent() + ": " + reason;
  }

  /** {@link #describe()} without the reason, which may quote the document's values. */
  public String describeWithoutContent() {
    String name = !id.isEmpty() ? "document [" + id + "]" : "document #" + position + " of " + task;
    String where = index.isEmpty() ? "" : " index [" + index + "]";
    String code = status > 0 ? "HTTP " + status + " " : "";
    return stage.wireName() + " failure: " + name + where + ": " + code + errorType;
  }
}
