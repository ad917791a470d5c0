package io.searchbridge.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives JUnit tests the run's shared {@link ElasticsearchServer} (see {@link SharedElasticsearch}).
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class MyIT {
 *   @Test void test(ElasticsearchServer es) { String index = es.uniqueIndex("docs"); ... }
 * }
 * }</pre>
 */
public final class ElasticsearchExtension implements BeforeAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    SharedElasticsearch.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ElasticsearchServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return SharedElasticsearch.get();
  }
}
