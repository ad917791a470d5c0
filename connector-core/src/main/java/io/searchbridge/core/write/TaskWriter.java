package io.searchbridge.core.write;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import io.searchbridge.core.write.DocumentEncoder.Encoded;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * What one engine task writes with, whatever the engine: its own client, the encoding error
 * handlers, the bulk writer and the position of each record in the task. Engines (Spark's
 * DataSource and RDD writers, MapReduce, the mirror, the monitoring sink) only turn their records
 * into documents and call it in one order:
 *
 * <ul>
 *   <li>{@link #write} or {@link #add}, any number of times;
 *   <li>{@link #flush()}: every document so far acknowledged or handled, dead letters stored; the
 *       engine's commit (a writer that runs long, such as a sink, flushes more than once);
 *   <li>{@link #close()}: the one end state, on success, failure and abort alike; it sends nothing,
 *       so documents not flushed are dropped and the engine runs the task again from its input.
 * </ul>
 */
public final class TaskWriter implements AutoCloseable {

  /** A corrected document from the JSON an encoding error handler asked to retry with. */
  @FunctionalInterface
  public interface FromJson {
    Encoded encode(byte[] json, long position);
  }

  private final EsClient client;
  private final EncodingErrorHandling encodingErrors;
  private final BulkWriter bulk;
  private long position;

  private TaskWriter(EsClient client, EncodingErrorHandling encodingErrors, BulkWriter bulk) {
    this.client = client;
    this.encodingErrors = encodingErrors;
    this.bulk = bulk;
  }

  /**
   * @param name names the task in logs, errors and dead-letter entries, e.g. {@code partition 3 (task 41)}
   * @param opaqueId names the job and task in Elasticsearch's logs and task list
   */
  public static TaskWriter open(Settings settings, String name, String opaqueId) {
    return open(ElasticsearchJavaClient.open(settings, opaqueId), settings, name);
  }

  /** Over a client of the caller's (e.g. with detached metrics); closing the writer closes it. */
  public static TaskWriter open(EsClient client, Settings settings, String name) {
    EncodingErrorHandling encodingErrors = null;
    try {
      encodingErrors = EncodingErrorHandling.open(settings, name, client.metrics());
      return new TaskWriter(client, encodingErrors, new BulkWriter(client, settings, name));
    } catch (RuntimeException e) {
      try (EsClient closing = client) {
        if (encodingErrors != null) {
          encodingErrors.close();
        }
      }
      throw e;
    }
  }

  /**
   * Encodes the next record and adds it, unless an encoding error handler took its failure.
   *
   * @param encoding the record as a document, given its 1-based position in the task
   * @param rendering the record as error handlers see it; asked only on failure
   * @param fromJson the document from the JSON a handler asked to retry with
   * @return the document added, or empty when the record was skipped
   */
  public Optional<Encoded> write(LongFunction<Encoded> encoding, Supplier<byte[]> rendering, FromJson fromJson) {
    long at = ++position;
    try {
      Optional<Encoded> document = encodingErrors.encode(at, () -> encoding.apply(at), rendering,
          json -> fromJson.encode(json, at));
      document.ifPresent(encoded -> bulk.add(encoded.index(), encoded.metadata(), encoded.json()));
      return document;
    } catch (RuntimeException e) {
      throw afterFlushingTheRecordsBefore(e);
    }
  }

  /** Adds a document that is JSON already (a copied hit, an event). */
  public void add(String index, DocumentMetadata metadata, byte[] json) {
    position++;
    try {
      bulk.add(index, metadata, json);
    } catch (RuntimeException e) {
      throw afterFlushingTheRecordsBefore(e);
    }
  }

  /**
   * A record that fails the task (it cannot be encoded, or names no id where one is needed) does
   * not take the good records before it along: they are acknowledged first, so that what reaches
   * the index is exactly what was not reported. After a failed bulk request nothing more is sent.
   */
  private RuntimeException afterFlushingTheRecordsBefore(RuntimeException failure) {
    if (!bulk.hasFailed()) {
      try {
        flush();
      } catch (RuntimeException flushFailure) {
        failure.addSuppressed(flushFailure);
      }
    }
    return failure;
  }

  /** Records given so far, skipped ones included. */
  public long position() {
    return position;
  }

  /** Acknowledges every document so far, or throws; stores what the error handlers hold. */
  public void flush() {
    bulk.flush();
    encodingErrors.flush();
  }

  /** See {@link BulkWriter#writtenOrPending}. */
  public long writtenOrPending(Counter counter) {
    return bulk.writtenOrPending(counter);
  }

  /** This task's counters: documents, bytes, requests, retries. */
  public ConnectorMetrics metrics() {
    return client.metrics();
  }

  @Override
  public void close() {
    try (EsClient closing = client; EncodingErrorHandling handlers = encodingErrors) {
      bulk.close();
    }
  }
}
