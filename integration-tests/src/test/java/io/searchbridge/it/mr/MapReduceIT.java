package io.searchbridge.it.mr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.it.support.Await;
import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.mr.EsCounter;
import io.searchbridge.mr.EsInputFormat;
import io.searchbridge.mr.EsOutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.MapWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.jobcontrol.ControlledJob;
import org.apache.hadoop.mapreduce.lib.jobcontrol.JobControl;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** MapReduce jobs in Hadoop's LocalJobRunner against the real server. */
@ExtendWith(ElasticsearchExtension.class)
class MapReduceIT {

  @TempDir Path temp;

  /** Turns line {@code i} of the input into {@code {"id": "doc-i", "n": i, "group": "g<i % 10>"}}. */
  public static final class NumberedDocuments extends Mapper<LongWritable, Text, NullWritable, MapWritable> {
    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
      String[] fields = line.toString().split(",");
      int n = Integer.parseInt(fields[0]);
      MapWritable doc = new MapWritable();
      doc.put(new Text("id"), new Text("doc-" + n));
      doc.put(new Text("n"), fields.length > 1 ? new Text(fields[1]) : new IntWritable(n));
      doc.put(new Text("group"), new Text("g" + (n % 10)));
      context.write(NullWritable.get(), doc);
    }
  }

  public static final class GroupOf extends Mapper<Text, Writable, Text, IntWritable> {
    private static final IntWritable ONE = new IntWritable(1);

    @Override
    protected void map(Text id, Writable source, Context context) throws IOException, InterruptedException {
      context.write((Text) ((MapWritable) source).get(new Text("group")), ONE);
    }
  }

  public static final class Sum extends Reducer<Text, IntWritable, Text, IntWritable> {
    @Override
    protected void reduce(Text key, Iterable<IntWritable> values, Context context) throws IOException, InterruptedException {
      int sum = 0;
      for (IntWritable value : values) {
        sum += value.get();
      }
      context.write(key, new IntWritable(sum));
    }
  }

  @Test
  void writesTenThousandRecordsAndReadsThemBackGroupedByKeyword(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("mr");
    createNumberedIndex(rest, index, 3);

    Job write = writeJob(server, index, IntStream.range(0, 10_000).mapToObj(Integer::toString));
    assertThat(write.waitForCompletion(false)).isTrue();
    assertThat(rest.count(index)).isEqualTo(10_000);
    assertThat(counter(write, EsCounter.DOCUMENTS_WRITTEN)).isEqualTo(10_000);
    assertThat(counter(write, EsCounter.BULK_REQUESTS)).isGreaterThanOrEqualTo(10);
    assertThat(counter(write, EsCounter.BYTES_WRITTEN)).isGreaterThan(10_000L * 30);
    assertThat(counter(write, EsCounter.DOCUMENTS_RETRIED)).isZero();
    assertThat(counter(write, EsCounter.BULKS_UNDER_10MS) + counter(write, EsCounter.BULKS_10MS_TO_100MS)
        + counter(write, EsCounter.BULKS_100MS_TO_1S) + counter(write, EsCounter.BULKS_1S_OR_MORE))
        .isEqualTo(counter(write, EsCounter.BULK_REQUESTS));

    Path output = temp.resolve("counts");
    Job read = countPerGroupJob(server, index, output);
    assertThat(read.waitForCompletion(false)).isTrue();

    assertThat(countsPerGroup(output)).hasSize(10).allSatisfy((group, count) -> assertThat(count).isEqualTo(1_000));
    assertThat(new EsInputFormat().getSplits(read)).hasSize(3);
    assertThat(counter(read, EsCounter.DOCUMENTS_READ)).isEqualTo(10_000);
    assertThat(counter(read, EsCounter.BYTES_READ)).isGreaterThan(10_000L * 30);
    assertThat(counter(read, EsCounter.SEARCH_REQUESTS)).isGreaterThanOrEqualTo(3);
    assertThat(counter(read, EsCounter.SEARCH_PAGES)).isGreaterThanOrEqualTo(3);
    assertThat(counter(read, EsCounter.SEARCHES_UNDER_10MS) + counter(read, EsCounter.SEARCHES_10MS_TO_100MS)
        + counter(read, EsCounter.SEARCHES_100MS_TO_1S) + counter(read, EsCounter.SEARCHES_1S_OR_MORE))
        .isEqualTo(counter(read, EsCounter.SEARCH_REQUESTS));
    assertThat(rest.openSearchContexts(index)).isZero();
  }

  @Test
  void aRecordThatConflictsWithTheMappingFailsTheJobNamingTheDocument(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("mr-bad");
    rest.put("/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"integer\"}}}}");

    Job write = writeJob(server, index, Stream.of("1", "2", "3,not-a-number", "4"));
    // The LocalJobRunner reports a task's exception only in its log (YARN puts it in the task diagnostics).
    try (FailureLog log = FailureLog.capture()) {
      assertThat(write.waitForCompletion(false)).isFalse();
      assertThat(log.messages()).anySatisfy(message -> assertThat(message)
          .contains("document [doc-3] index [" + index + "] id [doc-3]")
          .contains("failed to parse field [n] of type [integer]"));
    }
  }

  @Test
  void oldApiAdaptersWriteAndReadJsonDocuments(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("mapred");
    Path input = temp.resolve("mapred-input.json");
    Files.writeString(input, IntStream.range(0, 100)
        .mapToObj(i -> "{\"id\":\"j" + i + "\",\"tags\":[\"a\",\"b\"],\"n\":" + i + "}")
        .collect(Collectors.joining("\n", "", "\n")));

    // Without the periodic refresh, only the job commit's refresh makes the documents visible.
    rest.put("/" + index, "{\"settings\":{\"refresh_interval\":\"-1\"}}");
    org.apache.hadoop.mapred.JobConf write = new org.apache.hadoop.mapred.JobConf(configuration(server, index));
    write.set("es.input.json", "true");
    write.set("es.mapping.id", "id");
    write.setInputFormat(org.apache.hadoop.mapred.TextInputFormat.class);
    org.apache.hadoop.mapred.FileInputFormat.setInputPaths(write, new org.apache.hadoop.fs.Path(input.toUri()));
    write.setMapperClass(org.apache.hadoop.mapred.lib.IdentityMapper.class);
    write.setNumReduceTasks(0);
    write.setOutputKeyClass(LongWritable.class);
    write.setOutputValueClass(Text.class);
    write.setOutputFormat(io.searchbridge.mr.mapred.EsOutputFormat.class);
    // The LocalJobRunner takes the old API's committer from this JobConf, not the submitted copy.
    write.setOutputCommitter(io.searchbridge.mr.mapred.EsOutputCommitter.class);
    org.apache.hadoop.mapred.RunningJob written = org.apache.hadoop.mapred.JobClient.runJob(write);
    assertThat(written.isSuccessful()).isTrue();
    assertThat(written.getCounters().findCounter(EsCounter.DOCUMENTS_WRITTEN).getValue()).isEqualTo(100);
    assertThat(rest.get("/" + index + "/_count").path("count").asLong()).as("visible without a refresh of ours")
        .isEqualTo(100);

    org.apache.hadoop.mapred.JobConf read = new org.apache.hadoop.mapred.JobConf(configuration(server, index));
    read.set("es.output.json", "true");
    read.setInputFormat(io.searchbridge.mr.mapred.EsInputFormat.class);
    read.setMapperClass(org.apache.hadoop.mapred.lib.IdentityMapper.class);
    read.setNumReduceTasks(0);
    read.setOutputKeyClass(Text.class);
    read.setOutputValueClass(Text.class);
    read.setOutputFormat(org.apache.hadoop.mapred.TextOutputFormat.class);
    Path output = temp.resolve("mapred-out");
    org.apache.hadoop.mapred.FileOutputFormat.setOutputPath(read, new org.apache.hadoop.fs.Path(output.toUri()));
    org.apache.hadoop.mapred.RunningJob readJob = org.apache.hadoop.mapred.JobClient.runJob(read);
    assertThat(readJob.getCounters().findCounter(EsCounter.DOCUMENTS_READ).getValue()).isEqualTo(100);
    java.util.List<String> lines;
    try (Stream<Path> parts = Files.list(output)) {
      lines = parts.filter(p -> p.getFileName().toString().startsWith("part-")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(lines).hasSize(100).contains("j7\t{\"id\":\"j7\",\"tags\":[\"a\",\"b\"],\"n\":7}");
  }

  @Test
  void outputSpecsNameTheMissingResource() throws Exception {
    Job job = Job.getInstance(new Configuration(false));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EsOutputFormat().checkOutputSpecs(job))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("es.resource");
  }

  /** Passes documents through and counts, per field, the Writable class it was read as. */
  public static final class Identity extends Mapper<Text, Writable, NullWritable, Writable> {
    @Override
    protected void map(Text id, Writable source, Context context) throws IOException, InterruptedException {
      ((MapWritable) source).forEach((field, value) ->
          context.getCounter("writables", field + ":" + value.getClass().getSimpleName()).increment(1));
      context.write(NullWritable.get(), source);
    }
  }

  @Test
  void aWriteJobOfOneHundredThousandRecordsChainedToAJobCountingThemPerKeyword(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String index = server.uniqueIndex("mr-100k");
    createNumberedIndex(rest, index, 2);
    Job write = writeJob(server, index, IntStream.range(0, 100_000).mapToObj(Integer::toString));
    write.getConfiguration().set("es.batch.size.entries", "5000");
    Path output = temp.resolve("counts-100k");
    Job count = countPerGroupJob(server, index, output);

    // One driver: the count job starts only once the write job has succeeded (and refreshed the index).
    ControlledJob writing = new ControlledJob(write, null);
    ControlledJob counting = new ControlledJob(count, List.of(writing));
    JobControl control = new JobControl("write then count");
    control.addJob(writing);
    control.addJob(counting);
    Thread runner = new Thread(control, "job-control");
    runner.setDaemon(true);
    runner.start();
    try {
      Await.until("both jobs of the job control to finish", Duration.ofMinutes(4), control::allFinished);
    } finally {
      control.stop();
    }
    assertThat(control.getFailedJobList()).isEmpty();

    assertThat(counter(write, EsCounter.DOCUMENTS_WRITTEN)).isEqualTo(100_000);
    assertThat(counter(write, EsCounter.BULK_REQUESTS)).isGreaterThanOrEqualTo(20);
    assertThat(counter(write, EsCounter.DOCUMENTS_FAILED)).isZero();
    assertThat(rest.count(index)).isEqualTo(100_000);
    assertThat(counter(count, EsCounter.DOCUMENTS_READ)).isEqualTo(100_000);
    assertThat(countsPerGroup(output)).hasSize(10).allSatisfy((group, n) -> assertThat(n).isEqualTo(10_000));
  }

  @Test
  void everyElasticsearchTypeRoundTripsThroughMapWritable(ElasticsearchServer server) throws Exception {
    RestCalls rest = new RestCalls(server);
    String mapping = """
        {"mappings": {"properties": {
          "id": {"type": "keyword"}, "text": {"type": "text"}, "keyword": {"type": "keyword"},
          "long": {"type": "long"}, "integer": {"type": "integer"}, "short": {"type": "short"}, "byte": {"type": "byte"},
          "double": {"type": "double"}, "float": {"type": "float"}, "half_float": {"type": "half_float"},
          "boolean": {"type": "boolean"},
          "date": {"type": "date"}, "date_millis": {"type": "date"}, "date_nanos": {"type": "date_nanos"},
          "binary": {"type": "binary"}, "ip": {"type": "ip"}, "geo_point": {"type": "geo_point"},
          "object": {"properties": {"a": {"type": "keyword"}, "b": {"type": "long"}}},
          "nested": {"type": "nested"}, "strings": {"type": "keyword"}, "numbers": {"type": "long"},
          "nothing": {"type": "keyword"}}}}""";
    String source = server.uniqueIndex("mr-types");
    String copy = server.uniqueIndex("mr-types-copy");
    rest.put("/" + source, mapping);
    rest.put("/" + copy, mapping);
    String document = """
        {"id": "t1", "text": "Some text", "keyword": "kw", "long": 9007199254740993, "integer": 7, "short": -3,
         "byte": 1, "double": 2.5, "float": 1.25, "half_float": 0.5,
         "boolean": true, "date": "2024-01-02T03:04:05.678Z", "date_millis": 1700000000000,
         "date_nanos": "2024-01-02T03:04:05.123456789Z", "binary": "aGVsbG8=", "ip": "192.168.0.1",
         "geo_point": {"lat": 41.12, "lon": -71.34}, "object": {"a": "x", "b": 2},
         "nested": [{"k": "v1"}, {"k": "v2", "n": 3}], "strings": ["a", "b"], "numbers": [1, 2], "nothing": null}""";
    rest.put("/" + source + "/_doc/t1?refresh=true", document);

    Job job = Job.getInstance(configuration(server, source), "searchbridge-it types round trip");
    job.getConfiguration().set("es.resource.read", source);
    job.getConfiguration().set("es.resource.write", copy);
    job.getConfiguration().set("es.mapping.id", "id");
    job.setInputFormatClass(EsInputFormat.class);
    job.setMapperClass(Identity.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(MapWritable.class);
    job.setOutputFormatClass(EsOutputFormat.class);
    assertThat(job.waitForCompletion(false)).isTrue();

    JsonNode written = rest.get("/" + copy + "/_doc/t1").path("_source");
    assertThat(written).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(document));
    Map<String, Long> writables = new TreeMap<>();
    job.getCounters().getGroup("writables").forEach(c -> writables.put(c.getName(), c.getValue()));
    assertThat(writables.keySet()).containsExactlyInAnyOrder("id:Text", "text:Text", "keyword:Text", "long:LongWritable",
        "integer:IntWritable", "short:IntWritable", "byte:IntWritable", "double:DoubleWritable", "float:DoubleWritable",
        "half_float:DoubleWritable", "boolean:BooleanWritable", "date:Text",
        "date_millis:LongWritable", "date_nanos:Text", "binary:Text", "ip:Text", "geo_point:MapWritable",
        "object:MapWritable", "nested:WritableArrayWritable", "strings:ArrayWritable", "numbers:WritableArrayWritable",
        "nothing:NullWritable");
  }

  /** Collects the messages of exceptions logged while it is open. */
  private static final class FailureLog extends org.apache.logging.log4j.core.appender.AbstractAppender implements AutoCloseable {
    private final java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FailureLog() {
      super("mr-failures", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY);
    }

    static FailureLog capture() {
      FailureLog log = new FailureLog();
      log.start();
      root().addAppender(log, null, null);
      context().updateLoggers();
      return log;
    }

    @Override
    public void append(org.apache.logging.log4j.core.LogEvent event) {
      for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
        messages.add(String.valueOf(t.getMessage()));
      }
    }

    java.util.List<String> messages() {
      return messages;
    }

    @Override
    public void close() {
      root().removeAppender(getName());
      context().updateLoggers();
      stop();
    }

    private static org.apache.logging.log4j.core.LoggerContext context() {
      return (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
    }

    private static org.apache.logging.log4j.core.config.LoggerConfig root() {
      return context().getConfiguration().getRootLogger();
    }
  }

  private Job writeJob(ElasticsearchServer server, String index, Stream<String> lines) throws IOException {
    Path input = temp.resolve("input-" + index + ".txt");
    Files.writeString(input, lines.collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    Configuration conf = configuration(server, index);
    conf.set("es.mapping.id", "id");
    Job job = Job.getInstance(conf, "searchbridge-it write");
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(input.toUri()));
    job.setMapperClass(NumberedDocuments.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(MapWritable.class);
    job.setOutputFormatClass(EsOutputFormat.class);
    return job;
  }

  /** An index for {@link NumberedDocuments}. */
  private static void createNumberedIndex(RestCalls rest, String index, int shards) {
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":" + shards + ",\"number_of_replicas\":0},"
        + "\"mappings\":{\"properties\":{\"n\":{\"type\":\"integer\"},\"group\":{\"type\":\"keyword\"}}}}");
  }

  /** Counts the documents of {@code index} per value of their {@code group} keyword into text files. */
  private Job countPerGroupJob(ElasticsearchServer server, String index, Path output) throws IOException {
    Job job = Job.getInstance(configuration(server, index), "searchbridge-it count per group");
    job.setInputFormatClass(EsInputFormat.class);
    job.setMapperClass(GroupOf.class);
    job.setReducerClass(Sum.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(IntWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(output.toUri()));
    return job;
  }

  private static Map<String, Integer> countsPerGroup(Path output) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<String> lines = Files.lines(output.resolve("part-r-00000"))) {
      lines.map(line -> line.split("\t")).forEach(kv -> counts.put(kv[0], Integer.parseInt(kv[1])));
    }
    return counts;
  }

  private Configuration configuration(ElasticsearchServer server, String index) {
    Configuration conf = new Configuration(false);
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", temp.resolve("hadoop").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", temp.resolve("staging").toString());
    conf.set("es.nodes", server.url());
    conf.set("es.resource", index);
    return conf;
  }

  private static long counter(Job job, EsCounter counter) throws IOException {
    return job.getCounters().findCounter(counter).getValue();
  }
}
