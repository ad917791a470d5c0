package io.searchbridge.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.json.Json;
import io.searchbridge.core.mapping.MappingMerger;
import io.searchbridge.core.mapping.MappingParser;
import io.searchbridge.core.read.HitMetadata;
import io.searchbridge.spark.schema.EsReadSchema;
import io.searchbridge.spark.schema.EsRowDecoder;
import io.searchbridge.spark.schema.RowJsonEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro-benchmarks of the per-document hot paths, on the end-to-end benchmark's documents:
 * Spark row to bulk JSON (what a write task does per row) and {@code _source} bytes to Spark row
 * (what a read task does per hit), next to a bare Jackson pass over the same bytes as the floor.
 * Scores are rows per second on one thread. Run with {@code scripts/bench.sh --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmarks {

  private static final int ROWS = 1000;

  private InternalRow[] rows;
  private RowJsonEncoder encoder;
  private byte[] sources;
  private EsRowDecoder decoder;
  private HitMetadata hit;

  @Setup
  public void setUp() throws IOException {
    // Spark hands writers UnsafeRows: the projection a real plan ends with.
    UnsafeProjection unsafe = UnsafeProjection.create(SyntheticDocuments.schema());
    rows = new InternalRow[ROWS];
    for (int i = 0; i < ROWS; i++) {
      rows[i] = unsafe.apply(SyntheticDocuments.row(i)).copy();
    }
    encoder = new RowJsonEncoder(SyntheticDocuments.schema(), Settings.of(Map.of("es.resource", "bench")));

    // A page of hits' sources as one JSON array: one parser for all of them, as in a search response.
    ByteArrayOutputStream page = new ByteArrayOutputStream(ROWS * 300);
    page.write('[');
    for (int i = 0; i < ROWS; i++) {
      page.write(i == 0 ? ' ' : ',');
      SyntheticDocuments.writeDocument(page, i);
    }
    page.write(']');
    sources = page.toByteArray();
    String mapping = "{\"bench\":{\"mappings\":" + SyntheticDocuments.MAPPINGS + "}}";
    decoder = EsReadSchema.infer(MappingMerger.merge(MappingParser.parseGetMappingResponse(
        mapping.getBytes(StandardCharsets.UTF_8))),
        Settings.of(Map.of("es.read.field.as.array.include", SyntheticDocuments.ARRAY_FIELDS))).decoder();
    hit = new HitMetadata("bench", "id", Double.NaN);
  }

  /** Row to JSON bytes, with the index and metadata lookups the DataSource writer makes per row. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void encodeRows(Blackhole sink) {
    for (int i = 0; i < ROWS; i++) {
      sink.consume(encoder.index(rows[i], i));
      sink.consume(encoder.metadata(rows[i], i));
      sink.consume(encoder.encode(rows[i]));
    }
  }

  /** {@code _source} JSON to a Spark row with every column of the mapping. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decodeHits(Blackhole sink) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(sources)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        sink.consume(decoder.decode(hit, parser));
      }
    }
  }

  /** The floor for decoding: Jackson reading every value of the same sources, building nothing. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void tokenizeHits(Blackhole sink) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(sources)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case VALUE_STRING -> sink.consume(parser.getText());
          case VALUE_NUMBER_INT -> sink.consume(parser.getLongValue());
          case VALUE_NUMBER_FLOAT -> sink.consume(parser.getDoubleValue());
          default -> sink.consume(token);
        }
      }
    }
  }
}
