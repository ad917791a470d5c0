package io.searchbridge.core.query;

import java.math.BigDecimal;

/**
 * A literal an engine compares a column with, in the engine's own type. Engines convert their
 * literals to these; which field kinds accept which values is {@link FieldValues}' job.
 */
public sealed interface Value {

  record Text(String value) implements Value {}

  record Bool(boolean value) implements Value {}

  /** Any integral type (byte to long). */
  record Whole(long value) implements Value {}

  /** Written as a float, so that 0.1f stays 0.1 in the JSON. */
  record Float32(float value) implements Value {}

  record Float64(double value) implements Value {}

  /** Exact decimals (unsigned_long columns read as decimal(20,0)); sent unrounded. */
  record Decimal(BigDecimal value) implements Value {}

  /** A point in time, in microseconds since the epoch (UTC). */
  record Timestamp(long micros) implements Value {}

  /** A calendar date; on a date field it stands for the whole UTC day. */
  record Day(long epochDay) implements Value {}
}
