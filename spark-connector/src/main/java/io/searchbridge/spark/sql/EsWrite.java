package io.searchbridge.spark.sql;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.spark.SpeculationCheck;
import io.searchbridge.spark.stream.EsStreamingWrite;
import io.searchbridge.spark.metrics.ConnectorSqlMetrics;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * One logical write, run as a batch job ({@link EsBatchWrite}) or as a stream of epochs ({@link
 * EsStreamingWrite}); both get their task writers from the same {@link EsDataWriterFactory}.
 */
final class EsWrite implements Write {

  private final EsTableOptions options;
  private final StructType schema;
  private final boolean truncate;
  private final String queryId;
  private final CaseInsensitiveStringMap writeOptions;

  EsWrite(EsTableOptions options, StructType schema, boolean truncate, String queryId,
      CaseInsensitiveStringMap writeOptions) {
    this.options = options;
    this.schema = schema;
    this.truncate = truncate;
    this.queryId = queryId;
    this.writeOptions = writeOptions;
  }

  @Override
  public String description() {
    return "searchbridge write to " + options.name();
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorSqlMetrics.write();
  }

  @Override
  public BatchWrite toBatch() {
    return new EsBatchWrite(options, schema, truncate);
  }

  @Override
  public StreamingWrite toStreaming() {
    if (truncate) {
      // Complete mode would empty the index before every epoch: readers would see it disappear.
      throw new InvalidSettingException("outputMode",
          "the searchbridge sink does not support Complete output mode; use Append or Update (with es.mapping.id)");
    }
    Settings settings = options.settings();
    String resource = requireWriteResource(settings);
    SpeculationCheck.warnIfDuplicating(SparkSession.active().sparkContext().getConf(), settings, resource);
    return EsStreamingWrite.create(settings, resource, queryId, writeOptions.asCaseSensitiveMap(),
        settingsForMode -> new EsDataWriterFactory(settingsForMode, schema));
  }

  static String requireWriteResource(Settings settings) {
    return settings.writeResource().orElseThrow(() -> new InvalidSettingException("es.resource",
        "no index to write to: pass it to save(\"index\") / start(\"index\") or set es.resource (or es.resource.write)"));
  }
}
