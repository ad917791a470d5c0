package io.searchbridge.it.support;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every Spark test against the real server starts from: the run's server and Spark session. */
@ExtendWith(ElasticsearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SparkIntegrationTest {

  protected SparkSession spark;
  protected ElasticsearchServer server;
  protected RestCalls rest;

  @BeforeAll
  void connect(ElasticsearchServer server) {
    this.server = server;
    this.rest = new RestCalls(server);
    this.spark = SharedSpark.session();
  }
}
