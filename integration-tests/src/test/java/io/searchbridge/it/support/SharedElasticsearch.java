package io.searchbridge.it.support;

/**
 * The one Elasticsearch node of a test run, shared by JUnit tests (through {@link
 * ElasticsearchExtension}) and scalatest suites alike, which run on different test engines and
 * so cannot share an extension's store. Started on first use, stopped when the JVM exits, also
 * after failures; {@code .ci/run} stops it too in case the JVM is killed. With {@code
 * SEARCHBRIDGE_ES_URL} set, that server is used instead and left running.
 */
public final class SharedElasticsearch {

  public static final String EXTERNAL_URL_ENV = "SEARCHBRIDGE_ES_URL";
  static final String INSTANCE_NAME = "it";

  private static ElasticsearchServer server;

  private SharedElasticsearch() {}

  public static synchronized ElasticsearchServer get() {
    if (server == null) {
      String external = System.getenv(EXTERNAL_URL_ENV);
      if (external != null && !external.isBlank()) {
        server = ElasticsearchServer.external(external.strip());
      } else {
        // start() registers the shutdown hook that stops the node
        server = ElasticsearchServer.start(INSTANCE_NAME);
      }
    }
    return server;
  }
}
