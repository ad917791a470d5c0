package io.searchbridge.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.handler.Failure.Stage;
import io.searchbridge.core.metrics.ConnectorMetrics;
import io.searchbridge.core.metrics.ConnectorMetrics.Counter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerChainTest {

  /** Records what it saw; answers per its {@code answer} option: handled, pass or retry. */
  public static final class Recording implements ErrorHandler {
    static final List<String> SEEN = new ArrayList<>();
    private String answer = "handled";

    @Override
    public void configure(Map<String, String> options) {
      answer = options.getOrDefault("answer", answer);
    }

    @Override
    public HandlerResult handle(Failure failure) {
      SEEN.add(failure.id() + ":" + failure.documentAsString());
      return switch (answer) {
        case "pass" -> HandlerResult.pass();
        case "retry" -> HandlerResult.retry("{\"fixed\":true}".getBytes(StandardCharsets.UTF_8));
        default -> HandlerResult.handled();
      };
    }
  }

  private final ConnectorMetrics metrics = new ConnectorMetrics();

  private HandlerChain chain(String... keyValues) {
    Map<String, String> raw = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return HandlerChain.open(Stage.BULK, Settings.of(raw), "task 1", metrics);
  }

  private static Failure failure(String id) {
    return new Failure(Stage.BULK, "idx", id, "index", 400, "document_parsing_exception", "bad field",
        "{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_8), "task 1", 4, 0);
  }

  @Test
  void withNothingConfiguredEveryFailurePassesToFail() {
    HandlerChain chain = chain();
    assertThat(chain.isEmpty()).isTrue();
    assertThat(chain.handle(failure("a")).kind()).isEqualTo(HandlerResult.Kind.PASS);
  }

  @Test
  void theFirstHandlerThatDoesNotPassDecidesAndIsCounted() {
    Recording.SEEN.clear();
    HandlerChain chain = chain("es.write.rest.error.handlers", "first, drop, log",
        "es.write.rest.error.handler.first", Recording.class.getName(),
        "es.write.rest.error.handler.first.answer", "pass");
    assertThat(chain.handle(failure("a")).kind()).isEqualTo(HandlerResult.Kind.HANDLED);
    assertThat(Recording.SEEN).containsExactly("a:{\"a\":\"x\"}");
    assertThat(metrics.get(Counter.DOCS_DROPPED)).isEqualTo(1);
    assertThat(metrics.get(Counter.DOCS_HANDLED)).isZero();
  }

  @Test
  void logAndCustomHandlersCountAsHandled() {
    HandlerChain chain = chain("es.write.rest.error.handlers", "log",
        "es.write.rest.error.handler.log.logger.name", "dead.letters", "es.write.rest.error.handler.log.logger.level", "info");
    assertThat(chain.handle(failure("a")).kind()).isEqualTo(HandlerResult.Kind.HANDLED);
    assertThat(metrics.get(Counter.DOCS_HANDLED)).isEqualTo(1);
  }

  @Test
  void aRetryCarriesTheHandlersDocumentAndIsNotCountedAsHandled() {
    HandlerChain chain = chain("es.write.rest.error.handlers", "fixer",
        "es.write.rest.error.handler.fixer", Recording.class.getName(), "es.write.rest.error.handler.fixer.answer", "retry");
    HandlerResult result = chain.handle(failure("a"));
    assertThat(result.kind()).isEqualTo(HandlerResult.Kind.RETRY);
    assertThat(new String(result.document(), StandardCharsets.UTF_8)).isEqualTo("{\"fixed\":true}");
    assertThat(metrics.get(Counter.DOCS_HANDLED)).isZero();
  }

  @Test
  void explicitFailEndsTheChainAndMustBeLast() {
    assertThat(chain("es.write.rest.error.handlers", "fail").isEmpty()).isTrue();
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "fail,drop"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("[drop] after fail");
  }

  @Test
  void misconfiguredHandlersFailNamingTheKeyToFix() {
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "mine"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.write.rest.error.handler.mine=<class name>");
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "mine", "es.write.rest.error.handler.mine", "com.acme.Missing"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("com.acme.Missing");
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "mine", "es.write.rest.error.handler.mine", "java.lang.String"))
        .hasMessageContaining("does not implement " + ErrorHandler.class.getName());
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "es"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("es.write.rest.error.handler.es.client.resource");
    assertThatThrownBy(() -> chain("es.write.rest.error.handlers", "log", "es.write.rest.error.handler.log.logger.level", "loud"))
        .hasMessageContaining("logger.level");
  }

  @Test
  void eachStageReadsItsOwnKeys() {
    Settings settings = Settings.of(Map.of("es.read.data.error.handlers", "drop"));
    assertThat(HandlerChain.open(Stage.DECODING, settings, "t", metrics).isEmpty()).isFalse();
    assertThat(HandlerChain.open(Stage.ENCODING, settings, "t", metrics).isEmpty()).isTrue();
    assertThat(HandlerChain.open(Stage.BULK, settings, "t", metrics).isEmpty()).isTrue();
  }

  @Test
  void aHandlerThatThrowsIsNamedWithTheDocument() {
    HandlerChain chain = HandlerChain.open(Stage.BULK, Settings.of(Map.of("es.write.rest.error.handlers", "broken",
        "es.write.rest.error.handler.broken", Broken.class.getName())), "t", metrics);
    assertThatThrownBy(() -> chain.handle(failure("doc-9")))
        .hasMessageContaining("error handler 'broken' failed on bulk failure: document [doc-9] index [idx]")
        .hasMessageContaining("boom");
  }

  public static final class Broken implements ErrorHandler {
    @Override
    public HandlerResult handle(Failure failure) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void deadLetterEntriesHoldTheErrorTheTaskAndTheDocumentAsText() {
    String entry = new String(DeadLetterHandler.entry(failure("d1")), StandardCharsets.UTF_8);
    assertThat(entry)
        .contains("\"stage\":\"bulk\"", "\"index\":\"idx\"", "\"id\":\"d1\"", "\"operation\":\"index\"",
            "\"task\":\"task 1\"", "\"position\":4",
            "\"error\":{\"status\":400,\"type\":\"document_parsing_exception\",\"reason\":\"bad field\"}",
            "\"document\":\"{\\\"a\\\":\\\"x\\\"}\"", "\"@timestamp\":");
  }
}
