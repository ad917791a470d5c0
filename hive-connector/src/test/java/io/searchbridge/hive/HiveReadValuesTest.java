package io.searchbridge.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.common.type.Timestamp;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;
import org.junit.jupiter.api.Test;

class HiveReadValuesTest {

  @Test
  void aValueThatDoesNotFitItsColumnNamesFieldTypeAndValue() {
    assertThatThrownBy(() -> HiveReadValues.convert("Title 1", TypeInfoUtils.getTypeInfoFromTypeString("int"), "title"))
        .isInstanceOf(HiveValueException.class)
        .hasMessage("field [title] cannot hold value 'Title 1' as Hive type int: Character T is neither a decimal digit"
            + " number, decimal point, nor \"e\" notation exponential mark.");
    assertThatThrownBy(() -> HiveReadValues.convert(300, TypeInfoUtils.getTypeInfoFromTypeString("tinyint"), "n"))
        .hasMessage("field [n] cannot hold value '300' as Hive type tinyint: out of range [-128, 127]");
  }

  @Test
  void timestampsAcceptEpochMillisOffsetsAndLocalTimes() {
    var type = TypeInfoUtils.getTypeInfoFromTypeString("timestamp");
    assertThat(HiveReadValues.convert(0L, type, "t")).isEqualTo(Timestamp.valueOf("1970-01-01 00:00:00"));
    assertThat(HiveReadValues.convert("2024-05-06T09:08:09+02:00", type, "t")).isEqualTo(Timestamp.valueOf("2024-05-06 07:08:09"));
    assertThat(HiveReadValues.convert("2024-05-06", type, "t")).isEqualTo(Timestamp.valueOf("2024-05-06 00:00:00"));
  }

  @Test
  void nestedTypesConvertTheirElementsAndASingleValueIsAnArrayOfOne() {
    var type = TypeInfoUtils.getTypeInfoFromTypeString("struct<amount:decimal(5,1),parts:array<int>,labels:map<string,boolean>>");
    Object row = HiveReadValues.convert(Map.of("Amount", 12.25, "parts", 3, "labels", Map.of("k", "true")), type, "s");
    assertThat(row).isEqualTo(List.of(HiveDecimal.create("12.3"), List.of(3), Map.of("k", true)));
  }
}
