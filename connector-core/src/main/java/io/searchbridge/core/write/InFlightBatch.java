package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The one batch a writer may have in flight, sent from a thread of its own so that Elasticsearch
 * indexes while the engine encodes the next batch. The thread is created with the first batch that
 * fills up, so a writer that only ever flushes never starts one.
 */
final class InFlightBatch {

  private final String name;
  private ExecutorService thread;
  private Future<BulkBuffer> batch;

  InFlightBatch(String name) {
    this.name = name;
  }

  /** Sends {@code full} on the writer's thread; the caller must have {@link #await awaited} the batch before. */
  void send(BulkBuffer full, Consumer<BulkBuffer> sender) {
    if (thread == null) {
      thread = Executors.newSingleThreadExecutor(task -> {
        Thread sending = new Thread(task, "searchbridge bulk " + name);
        sending.setDaemon(true);
        return sending;
      });
    }
    batch = thread.submit(() -> {
      sender.accept(full);
      full.clear();
      return full;
    });
  }

  /**
   * Waits for the batch in flight and returns its buffer, cleared, to fill next (null when none was
   * in flight). What failed the batch is thrown as the failure of this call; an {@link Error} is
   * thrown as it is.
   */
  BulkBuffer await() {
    if (batch == null) {
      return null;
    }
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchbridgeException(name + ": interrupted while a bulk request was in flight", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException failure ? failure
          : new SearchbridgeException(name + ": bulk request failed: " + e.getCause(), e.getCause());
    } finally {
      batch = null;
    }
  }

  /** Whether no batch was handed over since the last {@link #await}. */
  boolean isEmpty() {
    return batch == null;
  }

  /** Ends the thread without waiting: interrupting it ends the request or its retry wait. */
  void stop() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
