package io.searchbridge.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldTypeTest {

  @ParameterizedTest
  @EnumSource(value = FieldType.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
  void everyKnownTypeRoundTripsThroughItsEsName(FieldType type) {
    assertThat(FieldType.fromEsName(type.esName())).isSameAs(type);
  }

  @Test
  void unknownNamesNeverThrow() {
    assertThat(FieldType.fromEsName("my_plugin_type")).isEqualTo(FieldType.UNKNOWN);
    assertThat(FieldType.fromEsName(null)).isEqualTo(FieldType.UNKNOWN);
    assertThat(FieldType.fromEsName("")).isEqualTo(FieldType.UNKNOWN);
    assertThat(FieldType.fromEsName("unknown")).isEqualTo(FieldType.UNKNOWN);
  }

  @Test
  void categories() {
    assertThat(EnumSet.allOf(FieldType.class))
        .filteredOn(FieldType::isNumeric)
        .containsExactlyInAnyOrder(
            FieldType.LONG,
            FieldType.INTEGER,
            FieldType.SHORT,
            FieldType.BYTE,
            FieldType.DOUBLE,
            FieldType.FLOAT,
            FieldType.HALF_FLOAT,
            FieldType.SCALED_FLOAT,
            FieldType.UNSIGNED_LONG);
    assertThat(EnumSet.allOf(FieldType.class))
        .filteredOn(FieldType::isRange)
        .containsExactlyInAnyOrder(
            FieldType.INTEGER_RANGE,
            FieldType.LONG_RANGE,
            FieldType.FLOAT_RANGE,
            FieldType.DOUBLE_RANGE,
            FieldType.DATE_RANGE,
            FieldType.IP_RANGE);
    assertThat(EnumSet.allOf(FieldType.class))
        .filteredOn(FieldType::hasChildren)
        .containsExactlyInAnyOrder(FieldType.OBJECT, FieldType.NESTED, FieldType.PASSTHROUGH);
    assertThat(EnumSet.allOf(FieldType.class))
        .filteredOn(FieldType::isDate)
        .containsExactlyInAnyOrder(FieldType.DATE, FieldType.DATE_NANOS);
    assertThat(FieldType.KEYWORD.isStringLike()).isTrue();
    assertThat(FieldType.MATCH_ONLY_TEXT.isStringLike()).isTrue();
    assertThat(FieldType.TOKEN_COUNT.isNumeric()).isFalse();
    assertThat(FieldType.IP.isStringLike()).isFalse();
  }
}
