package io.searchbridge.it.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records every log event of every logger (an appender on the root logger) while open, with the
 * message and the stack trace of any exception logged, as a log file would hold them. {@link
 * #open(Level)} also lowers the connector's own level, so that its debug lines are checked too.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private static final String OURS = "io.searchbridge";

  private final Level previousOurs;

  private LogCapture(Level previousOurs) {
    super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    this.previousOurs = previousOurs;
  }

  /** Captures at the levels configured for the tests. */
  public static LogCapture open() {
    return open(null);
  }

  /** Captures with the connector's loggers ({@code io.searchbridge}) at {@code ours}, when not null. */
  public static LogCapture open(Level ours) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    LoggerConfig connector = context.getConfiguration().getLoggerConfig(OURS);
    LogCapture capture = new LogCapture(connector.getLevel());
    capture.start();
    context.getConfiguration().getRootLogger().addAppender(capture, null, null);
    if (ours != null) {
      connector.setLevel(ours);
    }
    context.updateLoggers();
    return capture;
  }

  @Override
  public void append(LogEvent event) {
    StringWriter line = new StringWriter();
    line.append(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(": ")
        .append(event.getMessage().getFormattedMessage());
    if (event.getThrown() != null) {
      line.append('\n');
      event.getThrown().printStackTrace(new PrintWriter(line));
    }
    lines.add(line.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String text() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    configuration.getRootLogger().removeAppender(getName());
    configuration.getLoggerConfig(OURS).setLevel(previousOurs);
    context.updateLoggers();
    stop();
  }
}
