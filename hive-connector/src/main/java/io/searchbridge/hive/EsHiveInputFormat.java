package io.searchbridge.hive;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.mr.HadoopSettings;
import io.searchbridge.mr.mapred.EsInputFormat;
import io.searchbridge.mr.mapred.EsInputSplit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.serde2.ColumnProjectionUtils;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.InputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * The MapReduce {@code mapred} input format with Hive's two needs added: splits that are {@link
 * EsHiveSplit}s, and the predicate Hive pushed ({@link PushedQuery}) joined to {@code es.query}; it
 * also fetches only the fields of the columns a query uses. Reading itself is the MapReduce format's, so documents and counters are the same.
 */
public class EsHiveInputFormat implements InputFormat<Text, Writable> {

  private final EsInputFormat documents = new EsInputFormat();

  @Override
  public InputSplit[] getSplits(JobConf job, int numSplits) {
    String query = PushedQuery.of(job);
    Path[] tables = FileInputFormat.getInputPaths(job);
    Path table = tables.length > 0 ? tables[0] : new Path(HadoopSettings.of(job).readResource().orElse("elasticsearch"));
    return io.searchbridge.mr.EsInputFormat.plan(withQuery(job, query)).stream()
        .map(partition -> new EsHiveSplit(table, partition, query))
        .toArray(InputSplit[]::new);
  }

  @Override
  public RecordReader<Text, Writable> getRecordReader(InputSplit split, JobConf job, Reporter reporter) {
    EsHiveSplit hiveSplit = (EsHiveSplit) split;
    JobConf reading = withQuery(job, hiveSplit.query());
    projectedFields(job).ifPresent(fields -> reading.set(Keys.READ_FIELD_INCLUDE.key(), fields));
    return documents.getRecordReader(new EsInputSplit(hiveSplit.partition()), reading, reporter);
  }

  /**
   * The fields of the columns the query uses, as {@code _source} includes, unless the table sets
   * its own includes or a column has no field (a virtual column): then everything is read.
   */
  private static Optional<String> projectedFields(JobConf job) {
    Settings settings = HadoopSettings.of(job);
    String[] read = ColumnProjectionUtils.getReadColumnNames(job);
    if (ColumnProjectionUtils.isReadAllColumns(job) || read.length == 0 || !settings.get(Keys.READ_FIELD_INCLUDE).isEmpty()) {
      return Optional.empty();
    }
    ColumnMapping mapping = ColumnMapping.ofJob(job, settings);
    List<String> fields = Arrays.stream(read).map(mapping::field).toList();
    return fields.contains(null) ? Optional.empty() : Optional.of(String.join(",", fields));
  }

  private static JobConf withQuery(JobConf job, String query) {
    JobConf copy = new JobConf(job);
    copy.set(Keys.QUERY.key(), query);
    // The SerDe decodes documents, not JSON text.
    copy.set(Keys.OUTPUT_JSON.key(), "false");
    return copy;
  }
}
