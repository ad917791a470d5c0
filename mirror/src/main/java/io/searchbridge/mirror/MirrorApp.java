package io.searchbridge.mirror;

import io.searchbridge.core.config.Settings;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.metrics.source.SearchbridgeMirrorSource;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Entry point for {@code spark-submit --class io.searchbridge.mirror.MirrorApp}. Settings come from
 * {@code key=value} arguments and from {@code --conf spark.es.*} (the {@code spark.} prefix
 * dropped); arguments win. Exit code of verify: 0 when every index is in sync (or repaired), 1 if not.
 */
public final class MirrorApp {

  private static final Logger LOG = LoggerFactory.getLogger(MirrorApp.class);
  static final String MBEAN_NAME = "io.searchbridge:type=Mirror";

  private MirrorApp() {}

  public static void main(String[] argv) throws Exception {
    MirrorArgs args = MirrorArgs.parse(Arrays.asList(argv));
    SparkSession session = SparkSession.builder().appName("searchbridge-mirror " + args.mode()).getOrCreate();
    int exit;
    try {
      exit = run(session, args);
    } finally {
      session.stop();
    }
    System.exit(exit);
  }

  /** Runs one command in an existing session; returns the process exit code. */
  public static int run(SparkSession session, MirrorArgs args) throws InterruptedException {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    Map<String, String> raw = new HashMap<>();
    for (Tuple2<String, String> entry : session.sparkContext().getConf().getAllWithPrefix("spark.es.")) {
      raw.put("es." + entry._1(), entry._2());
    }
    raw.putAll(args.settings());
    MirrorConfig config = MirrorConfig.from(Settings.of(raw));
    if (args.mode().equals("verify")) {
      List<VerifyReport> reports = new Verifier(spark, config).verifyAll(args.repair());
      reports.forEach(report -> System.out.println(report.line()));
      return reports.stream().allMatch(report -> report.inSync() || report.repaired()) ? 0 : 1;
    }
    MirrorStatus status = MirrorStatus.systemClock();
    Mirror mirror = new Mirror(spark, config, status);
    AtomicBoolean keepRunning = new AtomicBoolean(true);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> keepRunning.set(false), "stop-mirror"));
    try (Published published = Published.of(status, mirror.indexes())) {
      if (args.once()) {
        status.started();
        mirror.round();
        status.stopped();
      } else {
        mirror.run(keepRunning::get);
      }
    }
    return 0;
  }

  /** The status on JMX and in Spark's metrics system for as long as the mirror runs. */
  public record Published(MirrorStatus status, ObjectName name, SearchbridgeMirrorSource source) implements AutoCloseable {

    public static Published of(MirrorStatus status, List<String> indexes) {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = null;
      try {
        name = new ObjectName(MBEAN_NAME);
        server.registerMBean(status, name);
      } catch (JMException e) {
        LOG.warn("mirror status not published on JMX as {}: {}", MBEAN_NAME, e.getMessage());
      }
      SearchbridgeMirrorSource source = new SearchbridgeMirrorSource(status, indexes);
      SparkEnv.get().metricsSystem().registerSource(source);
      return new Published(status, name, source);
    }

    @Override
    public void close() {
      SparkEnv.get().metricsSystem().removeSource(source);
      try {
        if (name != null && ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
          ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
      } catch (JMException e) {
        LOG.warn("could not unregister {}: {}", name, e.getMessage());
      }
    }
  }
}
