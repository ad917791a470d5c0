package io.searchbridge.it.support;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test run: starting Spark costs seconds on two cores, and
 * every test that needs it would otherwise pay again.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("searchbridge-it")
          .master("local[2]")
          // loopback only: without these Spark binds to the machine's external interface
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          // fixed plans, so that tests can read the scan node's metrics after an action
          .config("spark.sql.adaptive.enabled", "false")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-shared-spark"));
    }
    return session;
  }
}
