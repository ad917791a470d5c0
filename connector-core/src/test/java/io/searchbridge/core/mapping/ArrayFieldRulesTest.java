package io.searchbridge.core.mapping;

import static io.searchbridge.core.mapping.Mappings.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.core.SearchbridgeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrayFieldRulesTest {

  @Test
  void includeMatchesExactPathsWithDefaultDepthOne() {
    ArrayFieldRules rules = ArrayFieldRules.of(List.of("tags", "a.b"), List.of());

    assertThat(rules.arrayDepth("tags")).isEqualTo(1);
    assertThat(rules.arrayDepth("a.b")).isEqualTo(1);
    assertThat(rules.arrayDepth("a")).isZero();
    assertThat(rules.arrayDepth("a.b.c")).isZero();
    assertThat(rules.arrayDepth("tags2")).isZero();
  }

  @Test
  void depthSuffixDeclaresArraysOfArrays() {
    ArrayFieldRules rules =
        ArrayFieldRules.of(List.of("matrix:2", "cube:3", " spaced : 2 "), List.of());

    assertThat(rules.arrayDepth("matrix")).isEqualTo(2);
    assertThat(rules.arrayDepth("cube")).isEqualTo(3);
    assertThat(rules.arrayDepth("spaced")).isEqualTo(2);
  }

  @Test
  void wildcardsMatchAnyCharactersIncludingDots() {
    ArrayFieldRules rules = ArrayFieldRules.of(List.of("a.*", "*.ids", "x*z:2"), List.of());

    assertThat(rules.arrayDepth("a.b")).isEqualTo(1);
    assertThat(rules.arrayDepth("a.b.c")).isEqualTo(1);
    assertThat(rules.arrayDepth("a")).isZero();
    assertThat(rules.arrayDepth("user.ids")).isEqualTo(1);
    assertThat(rules.arrayDepth("ids")).isZero();
    assertThat(rules.arrayDepth("xyz")).isEqualTo(2);
    assertThat(rules.arrayDepth("x.y.z")).isEqualTo(2);
    assertThat(rules.arrayDepth("xyz.w")).isZero();
  }

  @Test
  void regexCharactersInPathsAreLiteral() {
    ArrayFieldRules rules = ArrayFieldRules.of(List.of("a+b.c$"), List.of());

    assertThat(rules.arrayDepth("a+b.c$")).isEqualTo(1);
    assertThat(rules.arrayDepth("aab.c")).isZero();
  }

  @Test
  void excludeWinsOverInclude() {
    ArrayFieldRules rules = ArrayFieldRules.of(List.of("a.*"), List.of("a.single", "a.*.one"));

    assertThat(rules.arrayDepth("a.many")).isEqualTo(1);
    assertThat(rules.arrayDepth("a.single")).isZero();
    assertThat(rules.arrayDepth("a.x.one")).isZero();
  }

  @Test
  void firstMatchingIncludeDecidesTheDepth() {
    ArrayFieldRules rules = ArrayFieldRules.of(List.of("a.b:3", "a.*"), List.of());

    assertThat(rules.arrayDepth("a.b")).isEqualTo(3);
    assertThat(rules.arrayDepth("a.c")).isEqualTo(1);
  }

  @Test
  void applyMarksFieldsAtEveryLevelButNotMultiFields() {
    ResolvedMapping mapping =
        MappingMerger.merge(
            List.of(
                properties(
                    "i",
                    """
                    {
                      "tags": {"type": "keyword", "fields": {"tags": {"type": "keyword"}}},
                      "user": {"properties": {"roles": {"type": "keyword"},
                      "name": {"type": "text"}}},
                      "points": {"type": "nested", "properties": {"xy": {"type": "double"}}}
                    }
                    """)));
    ArrayFieldRules rules =
        ArrayFieldRules.of(List.of("tags*", "user.roles", "points", "points.xy:2"), List.of());

    ResolvedMapping marked = rules.apply(mapping);

    assertThat(marked.indexes()).containsExactly("i");
    Field tags = marked.find("tags").orElseThrow();
    assertThat(tags.array()).isTrue();
    assertThat(tags.params()).containsEntry(Field.PARAM_ARRAY_DEPTH, 1);
    assertThat(tags.subField("tags").orElseThrow().array()).isFalse();
    assertThat(marked.find("user").orElseThrow().array()).isFalse();
    assertThat(marked.find("user.roles").orElseThrow().array()).isTrue();
    assertThat(marked.find("user.name").orElseThrow().array()).isFalse();
    assertThat(marked.find("points").orElseThrow().array()).isTrue();
    assertThat(marked.find("points.xy").orElseThrow().params())
        .containsEntry(Field.PARAM_ARRAY_DEPTH, 2);
    assertThat(mapping.find("tags").orElseThrow().array()).as("input left untouched").isFalse();
  }

  @Test
  void noIncludesLeavesTheMappingUnchanged() {
    ResolvedMapping mapping =
        MappingMerger.merge(List.of(properties("i", "{\"a\": {\"type\": \"long\"}}")));

    assertThat(ArrayFieldRules.of(List.of(), List.of("a")).apply(mapping)).isSameAs(mapping);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "a..b", ".a", "a.", "a:", "a:0", "a:-1", "a:x", "a:b:2", "a b", ":2"})
  void invalidIncludeEntryFailsNamingTheEntryAndTheSetting(String entry) {
    assertThatThrownBy(() -> ArrayFieldRules.of(List.of("ok", entry), List.of()))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageStartingWith(
            "Invalid entry [" + entry + "] in es.read.field.as.array.include: ");
  }

  @Test
  void depthIsRejectedInExcludes() {
    assertThatThrownBy(() -> ArrayFieldRules.of(List.of(), List.of("a:2")))
        .isInstanceOf(SearchbridgeException.class)
        .hasMessageStartingWith("Invalid entry [a:2] in es.read.field.as.array.exclude: ");
  }
}
