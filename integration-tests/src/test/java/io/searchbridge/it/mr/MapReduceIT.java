package io.searchbridge.it.mr;

import static org.assertj.core.api.Assertions.assertThat;

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
    rest.put("/" + index, "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},"
        + "\"mappings\":{\"properties\":{\"n\":{\"type\":\"integer\"},\"group\":{\"type\":\"keyword\"}}}}");

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

    Job read = Job.getInstance(configuration(server, index), "searchbridge-it read");
    read.setInputFormatClass(EsInputFormat.class);
    read.setMapperClass(GroupOf.class);
    read.setReducerClass(Sum.class);
    read.setOutputKeyClass(Text.class);
    read.setOutputValueClass(IntWritable.class);
    read.setOutputFormatClass(TextOutputFormat.class);
    Path output = temp.resolve("counts");
    FileOutputFormat.setOutputPath(read, new org.apache.hadoop.fs.Path(output.toUri()));
    assertThat(read.waitForCompletion(false)).isTrue();

    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<String> lines = Files.lines(output.resolve("part-r-00000"))) {
      lines.map(line -> line.split("\t")).forEach(kv -> counts.put(kv[0], Integer.parseInt(kv[1])));
    }
    assertThat(counts).hasSize(10).allSatisfy((group, count) -> assertThat(count).isEqualTo(1_000));
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
    org.apache.hadoop.mapred.RunningJob written = org.apache.hadoop.mapred.JobClient.runJob(write);
    assertThat(written.isSuccessful()).isTrue();
    assertThat(written.getCounters().findCounter(EsCounter.DOCUMENTS_WRITTEN).getValue()).isEqualTo(100);
    assertThat(rest.count(index)).isEqualTo(100);

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
