package io.searchbridge.core.write;

/**
 * How an engine adapter (Spark row, RDD value, Hadoop writable) answers field values by dotted path,
 * so that metadata extraction and index-name patterns are written once, engine-free.
 */
@FunctionalInterface
public interface DocumentFields {

  /**
   * The value at {@code dottedPath} as a plain Java value (String, Long, Double, Boolean, BigDecimal,
   * Instant, LocalDate, LocalDateTime ...), or {@code null} when the field is absent or null.
   */
  Object get(String dottedPath);
}
