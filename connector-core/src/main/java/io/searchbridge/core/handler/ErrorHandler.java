package io.searchbridge.core.handler;

import java.util.Map;

/**
 * Decides what happens to one document that could not be written, encoded or decoded. Handlers run
 * in the order the user lists them ({@code es.write.rest.error.handlers}, {@code
 * es.write.data.error.handlers}, {@code es.read.data.error.handlers}); the first one that does not
 * {@link HandlerResult#pass() pass} decides, and when every handler passes the task fails with the
 * original error. A custom handler is a public class with a public no-argument constructor,
 * registered as {@code es.write.rest.error.handler.<name>=com.acme.MyHandler}.
 *
 * <p>One instance per task and chain, called from the task's thread only.
 */
public interface ErrorHandler extends AutoCloseable {

  /**
   * Called once, before the first failure, with this handler's options: the keys under {@code
   * <chain>.handler.<name>.} with that prefix removed (e.g. {@code logger.name}).
   */
  default void configure(Map<String, String> options) {}

  HandlerResult handle(Failure failure);

  /**
   * Called before the task acknowledges its documents, so that a handler which buffers (such as
   * the dead-letter index) stores everything first.
   */
  default void flush() {}

  @Override
  default void close() {}
}
