package io.searchbridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends pre-serialised {@code _bulk} bodies over a fixed number of connections, each taking the next body when free. */
final class RawBulk {

  private RawBulk() {}

  static void send(RawClient client, List<byte[]> bodies, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        sent.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            check(client.send("POST", "/_bulk?filter_path=errors,items.*.error", bodies.get(i), RawClient.NDJSON));
          }
          return null;
        }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A benchmark that lost documents would measure nothing. */
  private static void check(byte[] response) {
    String head = new String(response, 0, Math.min(response.length, 64), StandardCharsets.UTF_8);
    if (!head.contains("\"errors\":false")) {
      throw new IllegalStateException("raw _bulk reported errors: "
          + new String(response, 0, Math.min(response.length, 2000), StandardCharsets.UTF_8));
    }
  }
}
