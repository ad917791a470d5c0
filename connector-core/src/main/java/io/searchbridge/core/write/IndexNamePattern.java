package io.searchbridge.core.write;

import io.searchbridge.core.SearchbridgeException;
import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import java.io.Serial;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The write resource as ES-Hadoop spells it: a fixed index name, or one with {@code {field}} and
 * {@code {field|java.time pattern}} placeholders filled from each document, e.g.
 * {@code logs-{service}-{@timestamp|yyyy.MM.dd}}. Parsed once per job so a malformed pattern fails
 * before any document is read.
 */
public final class IndexNamePattern implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final String pattern;
  private final List<Segment> segments;

  private IndexNamePattern(String pattern, List<Segment> segments) {
    this.pattern = pattern;
    this.segments = segments;
  }

  /** @throws InvalidSettingException naming es.resource.write when braces or a placeholder are malformed */
  public static IndexNamePattern parse(String resource) {
    if (resource == null || resource.isBlank()) {
      throw invalid(resource, "it is empty");
    }
    List<Segment> segments = new ArrayList<>();
    int start = 0;
    while (start < resource.length()) {
      int open = resource.indexOf('{', start);
      int close = resource.indexOf('}', start);
      if (close >= 0 && (open < 0 || close < open)) {
        throw invalid(resource, "'}' at offset " + close + " closes no placeholder");
      }
      if (open < 0) {
        segments.add(new Literal(resource.substring(start)));
        break;
      }
      if (open > start) {
        segments.add(new Literal(resource.substring(start, open)));
      }
      int nextOpen = resource.indexOf('{', open + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw invalid(resource, "'{' at offset " + open + " is never closed");
      }
      segments.add(placeholder(resource, resource.substring(open + 1, close)));
      start = close + 1;
    }
    return new IndexNamePattern(resource, List.copyOf(segments));
  }

  /** True when no placeholder needs a document, so callers can resolve the name once. */
  public boolean isStatic() {
    return segments.stream().allMatch(Literal.class::isInstance);
  }

  /** Every index the pattern can name, as an index expression: each placeholder becomes {@code *}. */
  public String wildcard() {
    StringBuilder expression = new StringBuilder(pattern.length());
    for (Segment segment : segments) {
      expression.append(segment instanceof Literal literal ? literal.text() : "*");
    }
    return expression.toString();
  }

  /** The dotted paths the placeholders read, in pattern order, for validating them against a schema. */
  public List<String> fields() {
    return segments.stream().filter(Placeholder.class::isInstance).map(s -> ((Placeholder) s).field()).toList();
  }

  /**
   * @param position the document's position in the task's input, named in errors
   * @throws SearchbridgeException when a placeholder's field is missing or null, a date format meets
   *     a value that is no date, or a field value contains upper case, which index names may not
   */
  public String resolve(DocumentFields document, long position) {
    if (segments.size() == 1 && segments.get(0) instanceof Literal literal) {
      return literal.text();
    }
    StringBuilder name = new StringBuilder(pattern.length() + 16);
    for (Segment segment : segments) {
      if (segment instanceof Literal literal) {
        name.append(literal.text());
      } else {
        name.append(((Placeholder) segment).resolve(document, pattern, position));
      }
    }
    return name.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static Segment placeholder(String resource, String body) {
    int bar = body.indexOf('|');
    String field = (bar < 0 ? body : body.substring(0, bar)).trim();
    if (field.isEmpty()) {
      throw invalid(resource, "placeholder {" + body + "} names no field");
    }
    if (bar < 0) {
      return new Placeholder(field, null);
    }
    String format = body.substring(bar + 1).trim();
    if (format.isEmpty()) {
      throw invalid(resource, "placeholder {" + body + "} has an empty date format after '|'");
    }
    try {
      return new Placeholder(field, DateTimeFormatter.ofPattern(format, Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(resource, "placeholder {" + body + "} has an invalid java.time format: " + e.getMessage());
    }
  }

  private static InvalidSettingException invalid(String resource, String reason) {
    return new InvalidSettingException(Keys.RESOURCE_WRITE.key(), "Invalid index name pattern [" + resource
        + "] in " + Keys.RESOURCE_WRITE.key() + " (or " + Keys.RESOURCE.key() + "): " + reason
        + "; expected e.g. logs, logs-{service} or logs-{@timestamp|yyyy.MM.dd}");
  }

  /**
   * Serialised as the pattern text and parsed again on arrival, because {@link DateTimeFormatter} is
   * not Serializable.
   */
  @Serial
  private Object writeReplace() {
    return new SerializedForm(pattern);
  }

  private record SerializedForm(String pattern) implements Serializable {
    @Serial
    private Object readResolve() {
      return parse(pattern);
    }
  }

  private sealed interface Segment permits Literal, Placeholder {}

  private record Literal(String text) implements Segment {}

  private record Placeholder(String field, DateTimeFormatter format) implements Segment {

    String resolve(DocumentFields document, String pattern, long position) {
      Object value = document.get(field);
      if (value == null) {
        throw new SearchbridgeException("Document at position " + position + " has no value in field [" + field
            + "], which index name pattern [" + pattern + "] (" + Keys.RESOURCE_WRITE.key() + ") needs");
      }
      String text = format == null ? value.toString() : DateValues.format(value, format, field, pattern, position);
      if (!text.toLowerCase(Locale.ROOT).equals(text)) {
        throw new SearchbridgeException("Field [" + field + "] of document at position " + position + " gives ["
            + text + "] for index name pattern [" + pattern + "], but Elasticsearch index names must be lower"
            + " case; lower-case the field before writing (it is not changed silently, so data lands where"
            + " you expect)");
      }
      return text;
    }
  }
}
