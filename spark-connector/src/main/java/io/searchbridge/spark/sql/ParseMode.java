package io.searchbridge.spark.sql;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.read.DecodingErrorHandling.Unhandled;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Spark's {@code mode} read option, as its JSON and CSV sources take it, for hits that no {@code
 * es.read.data.error.handlers} took: {@code FAILFAST} (the default) fails the task, naming
 * document and field; {@code DROPMALFORMED} skips the hit (counted as dropped); {@code PERMISSIVE}
 * with a string column named by {@code columnNameOfCorruptRecord} (default {@code
 * _corrupt_record}) in the read schema returns a row whose other columns are null and whose
 * corrupt-record column holds the fetched {@code _source}; {@code PERMISSIVE} without that column
 * reads each value that does not fit its column as null.
 *
 * @param corruptOrdinal the corrupt-record column's position in the read schema, or -1
 */
record ParseMode(Mode mode, int corruptOrdinal, int columns) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  enum Mode { FAILFAST, PERMISSIVE, DROPMALFORMED }

  static final String MODE_OPTION = "mode";
  static final String CORRUPT_COLUMN_OPTION = "columnNameOfCorruptRecord";
  static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";

  /** @throws InvalidSettingException for an unknown mode or a corrupt-record column that is not a string */
  static ParseMode of(Settings settings, StructType readSchema) {
    String name = settings.raw(MODE_OPTION).orElse("FAILFAST").trim().toUpperCase(Locale.ROOT);
    Mode mode;
    try {
      mode = Mode.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(MODE_OPTION, "read option mode='" + name + "' is not supported; use FAILFAST"
          + " (fail on a document that does not fit the schema), DROPMALFORMED (skip it) or PERMISSIVE (null values,"
          + " and its _source in the " + CORRUPT_COLUMN_OPTION + " column when the schema has one)");
    }
    String corruptColumn = settings.raw(CORRUPT_COLUMN_OPTION).orElse(DEFAULT_CORRUPT_COLUMN);
    int ordinal = -1;
    StructField[] fields = readSchema.fields();
    for (int i = 0; i < fields.length && mode == Mode.PERMISSIVE; i++) {
      if (fields[i].name().equals(corruptColumn)) {
        if (!(fields[i].dataType() instanceof StringType)) {
          throw new InvalidSettingException(CORRUPT_COLUMN_OPTION, "the corrupt-record column [" + corruptColumn
              + "] must be a string column, not " + fields[i].dataType().simpleString());
        }
        ordinal = i;
      }
    }
    return new ParseMode(mode, ordinal, fields.length);
  }

  /** Whether values that do not fit their column read as null rather than failing the hit. */
  boolean lenient() {
    return mode == Mode.PERMISSIVE && corruptOrdinal < 0;
  }

  /** What becomes of a hit that failed to decode; {@code null} fails the task. */
  Unhandled<InternalRow> unhandled() {
    if (mode == Mode.DROPMALFORMED) {
      return (hit, source, error) -> null;
    }
    if (mode == Mode.PERMISSIVE && corruptOrdinal >= 0) {
      return (hit, source, error) -> {
        Object[] values = new Object[columns];
        values[corruptOrdinal] = source == null ? null : UTF8String.fromBytes(source);
        return new GenericInternalRow(values);
      };
    }
    return null;
  }
}
