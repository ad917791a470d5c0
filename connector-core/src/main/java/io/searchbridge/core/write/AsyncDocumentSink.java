package io.searchbridge.core.write;

import io.searchbridge.core.client.ElasticsearchJavaClient;
import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.metrics.ConnectorMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships JSON documents to one index from its own thread, for callers that must never wait or fail
 * because of Elasticsearch (a job's monitoring). {@link #offer} only enqueues into a bounded queue;
 * when the queue is full, or the cluster cannot take a batch, documents are dropped and counted,
 * with a warning at most every 30 seconds. A failed batch drops only that batch; the next one
 * reconnects after a growing pause, so a sink that is down costs one failed attempt per pause.
 */
public final class AsyncDocumentSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncDocumentSink.class);
  private static final int BATCH = 500;
  private static final Duration LINGER = Duration.ofSeconds(1);
  private static final long MAX_PAUSE_MS = 30_000;
  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Settings settings;
  private final String index;
  private final Consumer<EsClient> onConnect;
  private final BlockingQueue<byte[]> queue;
  private final AtomicLong shipped = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  /** Documents taken off the queue and not yet shipped or dropped; whoever takes the count accounts for them. */
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closing;
  private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;
  private long pauseMs;
  private TaskWriter writer;

  /**
   * @param settings connection settings of the target cluster
   * @param onConnect runs on the sink's thread after each (re)connection, e.g. to install a template
   */
  public AsyncDocumentSink(Settings settings, String index, int capacity, Consumer<EsClient> onConnect) {
    this.settings = settings;
    this.index = index;
    this.onConnect = onConnect;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "searchbridge-sink-" + index);
    thread.setDaemon(true);
    thread.start();
  }

  /** Enqueues a document without waiting; false (and counted as dropped) when it cannot be taken. */
  public boolean offer(byte[] json) {
    if (!closing && queue.offer(json)) {
      return true;
    }
    drop(1, closing ? "the sink is closed" : "the queue is full (" + queue.size() + " documents)");
    return false;
  }

  /** Documents Elasticsearch acknowledged so far. */
  public long shipped() {
    return shipped.get();
  }

  /** Documents lost so far: queue full, sink down or closed before they could be shipped. */
  public long dropped() {
    return dropped.get();
  }

  /** Ships what is queued for at most {@code timeout}, then stops; whatever is left is dropped. */
  public void close(Duration timeout) {
    closing = true;
    try {
      thread.join(Math.max(1, timeout.toMillis()));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size() + inFlight.getAndSet(0);
    queue.clear();
    drop(left, "the sink closed before they could be shipped");
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private void run() {
    List<byte[]> batch = new ArrayList<>(BATCH);
    try {
      while (!(closing && queue.isEmpty())) {
        byte[] first = queue.poll(LINGER.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        ship(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      drop(inFlight.getAndSet(0), "the sink was interrupted while shipping");
    } finally {
      disconnect();
    }
  }

  private void ship(List<byte[]> batch) throws InterruptedException {
    inFlight.set(batch.size());
    try {
      if (writer == null) {
        connect();
      }
      for (byte[] json : batch) {
        writer.add(index, DocumentMetadata.none(), json);
      }
      writer.flush();
      shipped.addAndGet(inFlight.getAndSet(0));
      pauseMs = 0;
    } catch (RuntimeException e) {
      drop(inFlight.getAndSet(0), "Elasticsearch did not take them: " + e.getMessage());
      disconnect();
      pauseMs = Math.min(MAX_PAUSE_MS, Math.max(500, pauseMs * 2));
      if (!closing) {
        Thread.sleep(pauseMs);
      }
    }
  }

  private void connect() {
    // Detached metrics: the sink's traffic is not the job's, and must not show in the job's numbers.
    EsClient client = ElasticsearchJavaClient.open(settings, "searchbridge/sink/" + index, ConnectorMetrics.detached());
    try {
      onConnect.accept(client);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    writer = TaskWriter.open(client, settings, "sink of [" + index + "]");
  }

  private void disconnect() {
    if (writer != null) {
      // Every batch was flushed or dropped before this: closing only ends the writer and its client.
      try {
        writer.close();
      } catch (RuntimeException e) {
        LOG.debug("closing the sink's writer failed", e);
      }
    }
    writer = null;
  }

  private synchronized void drop(int documents, String reason) {
    if (documents <= 0) {
      return;
    }
    long total = dropped.addAndGet(documents);
    long now = System.nanoTime();
    if (now - lastWarning >= WARN_EVERY_NANOS) {
      lastWarning = now;
      LOG.warn("dropped {} document(s) meant for [{}] ({} so far): {}", documents, index, total, reason);
    }
  }
}
