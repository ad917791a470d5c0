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
          // two cores, and up to 4 attempts per task as spark.task.maxFailures gives on a cluster:
          // local mode ignores that setting, and a failed task is re-run only with local[N,F]
          .master("local[2,4]")
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
