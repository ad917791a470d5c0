package io.searchbridge.core.handler;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Built-in {@code log}: writes the failure and the start of the document to a logger and lets the
 * task go on without the document. Options: {@code logger.name} (default this class) and {@code
 * logger.level} (default {@code WARN}). With {@code es.log.documents=false} the line names the
 * document (id or position, index, status, error type) but holds neither the document nor
 * Elasticsearch's reason, which quotes field values.
 */
final class LogHandler implements ErrorHandler {

  private static final int MAX_DOCUMENT_CHARS = 500;

  private final boolean showDocuments;
  private Logger logger = LoggerFactory.getLogger(LogHandler.class);
  private Level level = Level.WARN;

  LogHandler(boolean showDocuments) {
    this.showDocuments = showDocuments;
  }

  @Override
  public void configure(Map<String, String> options) {
    String name = options.get("logger.name");
    if (name != null && !name.isBlank()) {
      logger = LoggerFactory.getLogger(name.trim());
    }
    String levelName = options.get("logger.level");
    if (levelName != null && !levelName.isBlank()) {
      try {
        level = Level.valueOf(levelName.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("logger.level must be one of ERROR, WARN, INFO, DEBUG, TRACE, not '"
            + levelName + "'");
      }
    }
  }

  @Override
  public HandlerResult handle(Failure failure) {
    if (!showDocuments) {
      logger.atLevel(level).log("{}; skipped (document left out: es.log.documents=false)", failure.describeWithoutContent());
      return HandlerResult.handled();
    }
    String document = failure.documentAsString();
    if (document.length() > MAX_DOCUMENT_CHARS) {
      document = document.substring(0, MAX_DOCUMENT_CHARS) + "...(" + document.length() + " chars)";
    }
    logger.atLevel(level).log("{}; skipped, document: {}", failure.describe(), document);
    return HandlerResult.handled();
  }
}
