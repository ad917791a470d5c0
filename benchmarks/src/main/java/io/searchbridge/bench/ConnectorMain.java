package io.searchbridge.bench;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;

/**
 * One connector's JVM, started fresh by scripts/bench.sh for each connector, with only that
 * connector on its classpath: the first pass is what a user's job meets (cold), the second pass in
 * the same JVM shows the compiled steady state (warm).
 * Usage: {@code ConnectorMain searchbridge|official <elasticsearch-url> <es.nodes> <documents> <results.tsv>};
 * the harness sets indexes up at the first URL, the connector talks to the second.
 */
public final class ConnectorMain {

  private ConnectorMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: ConnectorMain searchbridge|official <elasticsearch-url> <es.nodes> <documents> <results.tsv>");
      System.exit(2);
    }
    Connector connector = Connector.named(args[0], args[2]);
    long docs = Long.parseLong(args[3]);
    // Spark's defaults, but loopback only and no UI port.
    SparkSession spark = SparkSession.builder().appName("bench-" + connector.name()).master("local[2]")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      ConnectorPhases phases = new ConnectorPhases(spark, connector, new RawClient(args[1]),
          CpuClock.fromSystemProperties(), docs);
      Results results = new Results();
      results.facts().put("jar", jarOf(spark, connector.format()));
      results.facts().put("spark", spark.version());
      results.facts().put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
      for (String pass : new String[] {"cold", "warm"}) {
        System.out.printf("%s: %s pass over %,d documents%n", connector.name(), pass, docs);
        results.phases().addAll(phases.run(pass, "bench-" + connector.name() + "-" + pass));
      }
      results.write(Path.of(args[4]));
    } finally {
      spark.stop();
    }
  }

  /** The jar the format name resolves to: proof of which connector ran. */
  private static String jarOf(SparkSession spark, String format) {
    Class<?> source = DataSource.lookupDataSource(format, spark.sessionState().conf());
    String location = source.getProtectionDomain().getCodeSource().getLocation().getPath();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
