package io.searchbridge.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link ElasticsearchServer}: one node per JVM, started on first use and stopped when
 * the whole test run ends (also when tests fail). With {@code SEARCHBRIDGE_ES_URL} set, that server is
 * used instead and left running.
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class MyIT {
 *   @Test void test(ElasticsearchServer es) { String index = es.uniqueIndex("docs"); ... }
 * }
 * }</pre>
 */
public final class ElasticsearchExtension implements BeforeAllCallback, ParameterResolver {

  public static final String EXTERNAL_URL_ENV = "SEARCHBRIDGE_ES_URL";
  static final String INSTANCE_NAME = "it";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ElasticsearchExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ElasticsearchServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return server(extensionContext);
  }

  /** The root store outlives every test class, so all classes in this JVM share one node. */
  private static ElasticsearchServer server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedServer.class, key -> new SharedServer(startOrConnect()), SharedServer.class)
        .server;
  }

  private static ElasticsearchServer startOrConnect() {
    String external = System.getenv(EXTERNAL_URL_ENV);
    if (external != null && !external.isBlank()) {
      return ElasticsearchServer.external(external.strip());
    }
    return ElasticsearchServer.start(INSTANCE_NAME);
  }

  /**
   * JUnit closes AutoCloseable values of the root store when the run ends. This is the 5.13 successor of
   * the deprecated {@code Store.CloseableResource}, with the same timing.
   */
  private record SharedServer(ElasticsearchServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.stop();
    }
  }
}
