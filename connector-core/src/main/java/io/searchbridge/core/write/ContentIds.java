package io.searchbridge.core.write;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.config.WriteOperation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Document ids derived from the document itself ({@code es.mapping.id.generate=content}), for
 * writes without {@code es.mapping.id}: a document sent twice (a bulk re-sent after its answer was
 * lost, a task re-run, a speculative copy of a task) gets the same id both times, so the second
 * write replaces the first instead of adding a copy. The price is that identical documents in the
 * input become one document.
 */
final class ContentIds {

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  /** 128 bits: collisions among even billions of distinct documents are out of reach. */
  private static final int ID_BYTES = 16;

  private final MessageDigest sha256;

  private ContentIds() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The generator for these settings; null when documents keep the ids they have (or none). */
  static ContentIds forSettings(Settings settings) {
    WriteOperation operation = settings.get(Keys.WRITE_OPERATION);
    boolean adds = operation == WriteOperation.INDEX || operation == WriteOperation.CREATE;
    return adds && settings.get(Keys.MAPPING_ID_GENERATE).equals("content") ? new ContentIds() : null;
  }

  /** {@code metadata} with an id hashed from {@code document} when it has none. Not thread-safe: one per writer. */
  DocumentMetadata assign(DocumentMetadata metadata, byte[] document) {
    if (metadata.id() != null) {
      return metadata;
    }
    byte[] digest = sha256.digest(document);
    byte[] id = new byte[ID_BYTES];
    System.arraycopy(digest, 0, id, 0, ID_BYTES);
    return new DocumentMetadata(BASE64.encodeToString(id), metadata.routing(), metadata.version());
  }
}
