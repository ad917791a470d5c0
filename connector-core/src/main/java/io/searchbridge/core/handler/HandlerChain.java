package io.searchbridge.core.handler;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Setting;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure.Stage;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The handlers configured for one stage, built once per task. {@link #handle} asks them in order
 * and returns the first answer that is not {@code PASS}; {@code PASS} from the chain means "fail",
 * the implicit last handler. Every handled document is counted: {@code drop} as dropped, {@code es}
 * as dead-lettered, the others as handled.
 */
public final class HandlerChain implements AutoCloseable {

  private static final String FAIL = "fail";

  private record Named(String name, ErrorHandler handler, Counter counter) {}

  private final List<Named> handlers;
  private final ConnectorMetrics metrics;

  private HandlerChain(List<Named> handlers, ConnectorMetrics metrics) {
    this.handlers = handlers;
    this.metrics = metrics;
  }

  /**
   * @param task names the task in dead-letter entries and logs
   * @throws InvalidSettingException for an unknown handler name, a class that cannot be loaded or
   *     handlers listed after {@code fail}
   */
  public static HandlerChain open(Stage stage, Settings settings, String task, ConnectorMetrics metrics) {
    Setting<List<String>> listSetting = listSetting(stage);
    String prefix = prefixSetting(stage).key();
    List<String> names = settings.get(listSetting);
    List<Named> handlers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.equals(FAIL)) {
        if (i < names.size() - 1) {
          throw new InvalidSettingException(listSetting.key(), listSetting.key() + " lists " + names.subList(i + 1, names.size())
              + " after fail, which always ends the chain; remove them or move them before fail");
        }
        break;
      }
      ErrorHandler handler = create(name, settings, prefix, task, listSetting.key());
      String optionPrefix = prefix + name + ".";
      try {
        handler.configure(options(settings, optionPrefix));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(optionPrefix, "error handler '" + name + "': " + e.getMessage());
      }
      handlers.add(new Named(name, handler, counterOf(name)));
    }
    return new HandlerChain(List.copyOf(handlers), metrics);
  }

  /** Whether only the implicit {@code fail} is configured, so callers can skip any preparation. */
  public boolean isEmpty() {
    return handlers.isEmpty();
  }

  /** The first decision that is not {@code PASS}; {@code PASS} when every handler passed (fail). */
  public HandlerResult handle(Failure failure) {
    for (Named named : handlers) {
      HandlerResult result;
      try {
        result = named.handler().handle(failure);
      } catch (RuntimeException e) {
        throw new SearchbridgeException("error handler '" + named.name() + "' failed on " + failure.describe()
            + ": " + e.getMessage(), e);
      }
      if (result == null) {
        throw new SearchbridgeException("error handler '" + named.name() + "' returned null for " + failure.describe()
            + "; return HandlerResult.handled(), pass() or retry(document)");
      }
      if (result.kind() == HandlerResult.Kind.HANDLED) {
        metrics.add(named.counter(), 1);
      }
      if (result.kind() != HandlerResult.Kind.PASS) {
        return result;
      }
    }
    return HandlerResult.pass();
  }

  public void flush() {
    handlers.forEach(named -> named.handler().flush());
  }

  /** Flushes and closes every handler; the first failure is thrown after all were closed. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (Named named : handlers) {
      try (ErrorHandler handler = named.handler()) {
        handler.flush();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static ErrorHandler create(String name, Settings settings, String prefix, String task, String listKey) {
    return switch (name) {
      case "log" -> new LogHandler(settings.get(Keys.LOG_DOCUMENTS));
      case "drop" -> new DropHandler();
      case "es" -> new DeadLetterHandler(settings, prefix + name + ".", task);
      default -> custom(name, settings.raw(prefix + name).orElse(""), prefix, listKey);
    };
  }

  /** A user's handler, loaded by the name it was registered under; the task's class loader sees user jars. */
  private static ErrorHandler custom(String name, String className, String prefix, String listKey) {
    if (className.isBlank()) {
      throw new InvalidSettingException(listKey, listKey + " names '" + name + "', which is not a built-in handler"
          + " (log, drop, es, fail); register a custom one with " + prefix + name + "=<class name>");
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class<?> type = Class.forName(className.trim(), true, loader != null ? loader : HandlerChain.class.getClassLoader());
      if (!ErrorHandler.class.isAssignableFrom(type)) {
        throw new InvalidSettingException(prefix + name, prefix + name + "=" + className + " does not implement "
            + ErrorHandler.class.getName());
      }
      return (ErrorHandler) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new InvalidSettingException(prefix + name, "cannot create error handler '" + name + "' from " + prefix + name
          + "=" + className + ": " + e + "; it must be a public class with a public no-argument constructor on the classpath");
    }
  }

  private static Map<String, String> options(Settings settings, String optionPrefix) {
    return new TreeMap<>(settings.byPrefix(optionPrefix));
  }

  private static Counter counterOf(String name) {
    return switch (name) {
      case "drop" -> Counter.DOCS_DROPPED;
      case "es" -> Counter.DOCS_DEAD_LETTERED;
      default -> Counter.DOCS_HANDLED;
    };
  }

  private static Setting<List<String>> listSetting(Stage stage) {
    return switch (stage) {
      case BULK -> Keys.WRITE_REST_ERROR_HANDLERS;
      case ENCODING -> Keys.WRITE_DATA_ERROR_HANDLERS;
      case DECODING -> Keys.READ_DATA_ERROR_HANDLERS;
    };
  }

  private static Setting<String> prefixSetting(Stage stage) {
    return switch (stage) {
      case BULK -> Keys.WRITE_REST_ERROR_HANDLER;
      case ENCODING -> Keys.WRITE_DATA_ERROR_HANDLER;
      case DECODING -> Keys.READ_DATA_ERROR_HANDLER;
    };
  }
}
