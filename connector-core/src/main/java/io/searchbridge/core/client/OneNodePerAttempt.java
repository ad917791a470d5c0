package io.searchbridge.core.client;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticsearch.client.Node;
import org.elasticsearch.client.NodeSelector;

/**
 * Leaves the low-level client one node per request, taken in turn from the nodes it offers (the
 * live ones, or the dead ones when none is live). Left alone, the client tries every node in turn
 * within one call, and the connector's {@link Retrier} would multiply that by its own retries:
 * failing over is the Retrier's job alone, with its bound and backoff. The turn is this selector's
 * own, because the client rotates its list only after selecting, which would pin every request to
 * the first live node.
 */
final class OneNodePerAttempt implements NodeSelector {

  private final AtomicInteger next = new AtomicInteger();

  @Override
  public void select(Iterable<Node> nodes) {
    int count = 0;
    for (Node ignored : nodes) {
      count++;
    }
    if (count == 0) {
      return;
    }
    int keep = Math.floorMod(next.getAndIncrement(), count);
    Iterator<Node> iterator = nodes.iterator();
    for (int position = 0; iterator.hasNext(); position++) {
      iterator.next();
      if (position != keep) {
        iterator.remove();
      }
    }
  }
}
