package io.searchbridge.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.core.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldFilterTest {

  private static FieldFilter filter(String include, String exclude) {
    return new FieldFilter(Settings.of(Map.of("es.mapping.include", include, "es.mapping.exclude", exclude)));
  }

  @Test
  void noRulesWriteEverything() {
    FieldFilter all = filter("", "");
    assertThat(all.writesWhole("a")).isTrue();
    assertThat(all.writesWhole("a.b.c")).isTrue();
  }

  @Test
  void excludeRemovesFieldAndEverythingBelow() {
    FieldFilter filter = filter("", "id, user.secret*");
    assertThat(filter.writesWhole("id")).isFalse();
    assertThat(filter.writesWhole("idx")).isTrue();
    assertThat(filter.writesWhole("user")).isTrue();
    assertThat(filter.writesWhole("user.secretKey")).isFalse();
    assertThat(filter.writesWhole("user.secret.nested")).isFalse();
    assertThat(filter.writesWhole("user.name")).isTrue();
  }

  @Test
  void includeKeepsNamedFieldsTheirChildrenAndTheirParents() {
    FieldFilter filter = filter("user.name, geo", "");
    assertThat(filter.writesWhole("geo.lat")).isTrue();
    assertThat(filter.writesWhole("user")).isFalse();
    assertThat(filter.writesPartOf("user")).isTrue();
    assertThat(filter.writesWhole("user.name")).isTrue();
    assertThat(filter.writesWhole("user.age")).isFalse();
    assertThat(filter.writesPartOf("other")).isFalse();
    assertThat(filter.writesWhole("other")).isFalse();
  }

  @Test
  void wildcardsSpanDotsAndReachIntoObjects() {
    FieldFilter filter = filter("*.name, meta.*", "");
    assertThat(filter.writesWhole("user.name")).isTrue();
    assertThat(filter.writesWhole("a.b.name")).isTrue();
    assertThat(filter.writesWhole("name")).isFalse();
    assertThat(filter.writesPartOf("user")).isTrue();
    assertThat(filter.writesWhole("meta")).isFalse();
    assertThat(filter.writesWhole("meta.x")).isTrue();
    assertThat(filter.writesPartOf("meta")).isTrue();
  }

  @Test
  void excludeWinsOverInclude() {
    FieldFilter filter = filter("user", "user.password");
    assertThat(filter.writesWhole("user.name")).isTrue();
    assertThat(filter.writesWhole("user.password")).isFalse();
    assertThat(filter.writesPartOf("user.password")).isFalse();
  }

  @Test
  void regexCharactersAreLiteral() {
    FieldFilter filter = filter("", "a+b, (c)");
    assertThat(filter.writesWhole("a+b")).isFalse();
    assertThat(filter.writesWhole("aab")).isTrue();
    assertThat(filter.writesWhole("(c)")).isFalse();
  }
}
