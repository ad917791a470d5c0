package io.searchbridge.hive;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde.serdeConstants;

/**
 * Which Elasticsearch field each table column reads and writes: the column's own name unless
 * {@code es.mapping.names} ({@code column:field,...}) says otherwise. Hive lower-cases column
 * names, so the mapping is how a column reaches a camel-cased or dotted ({@code address.city}) field.
 */
public final class ColumnMapping implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final Map<String, String> fieldByColumn;

  private ColumnMapping(Map<String, String> fieldByColumn) {
    this.fieldByColumn = fieldByColumn;
  }

  /** @throws InvalidSettingException when a pair is malformed or names a column the table lacks */
  public static ColumnMapping of(List<String> columns, Settings settings) {
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String pair : settings.get(Keys.MAPPING_NAMES)) {
      int colon = pair.indexOf(':');
      String column = colon < 0 ? "" : pair.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String field = colon < 0 ? "" : pair.substring(colon + 1).strip();
      if (column.isEmpty() || field.isEmpty()) {
        throw new InvalidSettingException(Keys.MAPPING_NAMES.key(), Keys.MAPPING_NAMES.key()
            + " takes column:field pairs separated by commas, e.g. 'username:user.name'; got '" + pair + "'");
      }
      if (!columns.contains(column)) {
        throw new InvalidSettingException(Keys.MAPPING_NAMES.key(), Keys.MAPPING_NAMES.key() + " maps column '" + column
            + "', which the table does not have; its columns are " + columns);
      }
      renamed.put(column, field);
    }
    Map<String, String> fieldByColumn = new LinkedHashMap<>();
    columns.forEach(column -> fieldByColumn.put(column, renamed.getOrDefault(column, column)));
    return new ColumnMapping(fieldByColumn);
  }

  /** The mapping of the table a Hive job reads: its columns are in the job's {@code columns} property. */
  public static ColumnMapping ofJob(Configuration job, Settings settings) {
    return of(Arrays.asList(job.get(serdeConstants.LIST_COLUMNS, "").split(",")), settings);
  }

  /** The Elasticsearch field (a dotted path) of {@code column}, or {@code null} for an unknown column. */
  public String field(String column) {
    return fieldByColumn.get(column.toLowerCase(Locale.ROOT));
  }
}
