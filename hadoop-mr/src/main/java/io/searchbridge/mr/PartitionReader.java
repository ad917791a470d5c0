package io.searchbridge.mr;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.plan.PartitionSpec;
import io.searchbridge.core.read.ClientCursor;
import io.searchbridge.core.read.HitDecoder;
import io.searchbridge.core.read.PartitionReads;
import io.searchbridge.core.read.RawHit;
import io.searchbridge.core.read.SourceMaps;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * Reads one split for either Hadoop API: the document id as {@link Text}, the source as a
 * {@link org.apache.hadoop.io.MapWritable} (see {@link WritableValues}) or, with {@code
 * es.output.json=true}, as JSON {@link Text}.
 */
public final class PartitionReader implements AutoCloseable {

  /** One document. */
  public record Hit(Text id, Writable value) {}

  private final ClientCursor<Hit> cursor;
  private final BiConsumer<EsCounter, Long> counters;
  private long read;

  public PartitionReader(Configuration conf, PartitionSpec partition, String taskName, BiConsumer<EsCounter, Long> counters) {
    Settings settings = PartitionReads.withShardStrategyByDefault(HadoopSettings.of(conf));
    HitDecoder<Hit> decoder = settings.get(Keys.OUTPUT_JSON)
        ? (metadata, source) -> new Hit(new Text(metadata.id()), new Text(RawHit.DECODER.decode(metadata, source).source()))
        : (metadata, source) -> new Hit(new Text(metadata.id()), WritableValues.toWritable(SourceMaps.DECODER.decode(metadata, source)));
    this.cursor = PartitionReads.open(settings, partition, decoder, "searchbridge/mr-read/" + taskName);
    this.counters = counters;
  }

  /** The next document, or {@code null} at the end of the split. */
  public Hit next() {
    if (!cursor.hasNext()) {
      return null;
    }
    read++;
    return cursor.next();
  }

  public long read() {
    return read;
  }

  /** Releases the point-in-time and the client, and publishes the split's counters. */
  @Override
  public void close() {
    try {
      cursor.close();
    } finally {
      EsCounter.publish(cursor.metrics(), counters);
    }
  }
}
