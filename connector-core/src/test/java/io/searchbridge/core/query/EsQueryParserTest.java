package io.searchbridge.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.config.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsQueryParserTest {

  @Test
  void absentOrBlankMeansMatchAll() {
    assertThat(EsQueryParser.parse(Optional.empty())).isEqualTo("{\"match_all\":{}}");
    assertThat(EsQueryParser.parse(Optional.of("  "))).isEqualTo("{\"match_all\":{}}");
  }

  @Test
  void uriQueryBecomesQueryString() {
    assertThat(EsQueryParser.parse(Optional.of("?q=user:kimchy%20AND%20age:30&df=name&default_operator=AND")))
        .isEqualTo("{\"query_string\":{\"query\":\"user:kimchy AND age:30\",\"default_field\":\"name\","
            + "\"default_operator\":\"AND\"}}");
  }

  @Test
  void dslWithOrWithoutQueryWrapper() {
    assertThat(EsQueryParser.parse(Optional.of("{\"query\":{\"term\":{\"a\":1}}}"))).isEqualTo("{\"term\":{\"a\":1}}");
    assertThat(EsQueryParser.parse(Optional.of(" {\"term\" : {\"a\" : 1}} "))).isEqualTo("{\"term\":{\"a\":1}}");
  }

  @Test
  void fileReference(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("q.json"), "{\"query\":{\"exists\":{\"field\":\"x\"}}}\n");
    assertThat(EsQueryParser.parse(Optional.of("@" + file))).isEqualTo("{\"exists\":{\"field\":\"x\"}}");
  }

  @Test
  void errorsNameTheSetting() {
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("{\"query\":")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("es.query is not valid JSON");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("user:kimchy")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("es.query must be a URI query");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("?size=10")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("URI parameter 'size' is not supported");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("?df=x")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("needs a q parameter");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("{\"query\":{\"match_all\":{}},\"size\":3}")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("may hold only a query");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("@/no/such/file.json")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("cannot read the es.query file '/no/such/file.json'");
    assertThatThrownBy(() -> EsQueryParser.parse(Optional.of("{}")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("non-empty JSON object");
  }
}
