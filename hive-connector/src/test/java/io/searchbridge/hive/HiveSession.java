package io.searchbridge.hive;

import io.searchbridge.mr.EsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.ql.Driver;
import org.apache.hadoop.hive.ql.MapRedStats;
import org.apache.hadoop.hive.ql.processors.CommandProcessorException;
import org.apache.hadoop.hive.ql.session.SessionState;

/**
 * One Hive session for a whole test run: a Driver over an embedded Derby metastore, running its
 * queries as MapReduce jobs in the LocalJobRunner. Starting it costs seconds, so tests share it.
 */
final class HiveSession implements AutoCloseable {

  private static HiveSession shared;

  private final Driver driver;

  private HiveSession(Path dir) {
    HiveConf conf = new HiveConf();
    conf.set("javax.jdo.option.ConnectionURL", "jdbc:derby:;databaseName=" + dir.resolve("metastore") + ";create=true");
    conf.set("hive.metastore.schema.verification", "false");
    conf.set("datanucleus.schema.autoCreateAll", "true");
    conf.set("hive.metastore.uris", "");
    conf.set("hive.metastore.warehouse.dir", dir.resolve("warehouse").toUri().toString());
    conf.set("hive.metastore.warehouse.external.dir", dir.resolve("external").toUri().toString());
    conf.set("hive.exec.scratchdir", dir.resolve("scratch").toString());
    conf.set("hive.exec.local.scratchdir", dir.resolve("local-scratch").toString());
    conf.set("hive.querylog.location", dir.resolve("querylog").toString());
    conf.set("hive.downloaded.resources.dir", dir.resolve("resources").toString());
    conf.set("hive.execution.engine", "mr");
    conf.set("hive.txn.manager", "org.apache.hadoop.hive.ql.lockmgr.DummyTxnManager");
    conf.set("hive.support.concurrency", "false");
    conf.set("hive.stats.autogather", "false");
    conf.set("hive.stats.column.autogather", "false");
    // Every query a MapReduce job, so that the connector's counters can be read back.
    conf.set("hive.fetch.task.conversion", "none");
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", dir.resolve("hadoop").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", dir.resolve("staging").toString());
    SessionState.start(conf);
    driver = new Driver(conf);
  }

  static synchronized HiveSession get() {
    if (shared == null) {
      try {
        Path dir = Path.of("target", "hive").toAbsolutePath();
        Files.createDirectories(dir);
        shared = new HiveSession(Files.createTempDirectory(dir, "session-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Runs one statement and returns its rows, tab-separated as Hive prints them. */
  List<String> run(String sql) {
    try {
      driver.run(sql);
      List<String> rows = new ArrayList<>();
      List<String> batch = new ArrayList<>();
      while (driver.getResults(batch)) {
        rows.addAll(batch);
        batch.clear();
      }
      return rows;
    } catch (CommandProcessorException e) {
      throw new IllegalStateException("Hive failed on: " + sql + "\n" + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sum of a connector counter over the MapReduce jobs of the last statement. */
  long counter(EsCounter counter) {
    Map<String, MapRedStats> jobs = SessionState.get().getMapRedStats();
    return jobs == null ? 0 : jobs.values().stream()
        .map(MapRedStats::getCounters)
        .mapToLong(counters -> counters == null ? 0 : counters.getCounter(counter))
        .sum();
  }

  @Override
  public void close() {
    driver.close();
  }
}
