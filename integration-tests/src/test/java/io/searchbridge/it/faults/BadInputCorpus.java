package io.searchbridge.it.faults;

import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Setting;
import io.searchbridge.it.faults.BadInputCase.Path;
import io.searchbridge.it.faults.BadInputCase.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The cases of {@link BadInputCorpusIT}, as data. */
final class BadInputCorpus {

  static final String STRICT = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":"
      + "{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"},\"n\":{\"type\":\"long\"},"
      + "\"i\":{\"type\":\"integer\"},\"b\":{\"type\":\"byte\"},\"d\":{\"type\":\"date\"},\"flag\":{\"type\":\"boolean\"},"
      + "\"ip\":{\"type\":\"ip\"},\"geo\":{\"type\":\"geo_point\"},\"k\":{\"type\":\"keyword\",\"ignore_above\":5},"
      + "\"obj\":{\"properties\":{\"x\":{\"type\":\"long\"}}},\"f\":{\"type\":\"float\"}}}}";
  static final String DYNAMIC = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}";
  /** A value that no typed setting accepts. */
  private static final String BAD_VALUE = "not-a-valid-value";
  private static final String SECRET_WITH_LINE_BREAK = "s3cr3t-line-one\ns3cr3t-line-two";

  private BadInputCorpus() {}

  static Stream<BadInputCase> cases() {
    List<BadInputCase> cases = new ArrayList<>();
    malformedJson(cases);
    strictMappingTypes(cases);
    mappingConflicts(cases);
    validButUnusual(cases);
    targets(cases);
    settings(cases);
    return cases.stream();
  }

  /**
   * Each malformed document twice: failing the write (with an id read from the documents), and
   * taken by the {@code log} encoding error handler, which names it in the log while the others land.
   */
  private static void malformedJson(List<BadInputCase> cases) {
    String[][] malformed = {
        {"truncated object", "{\"id\":\"3\",\"n\":"},
        {"missing value", "{\"id\":\"3\",\"n\":}"},
        {"missing colon", "{\"id\":\"3\",\"n\" 1}"},
        {"unquoted name", "{\"id\":\"3\",n:1}"},
        {"single quotes", "{\"id\":\"3\",'n':1}"},
        {"trailing comma", "{\"id\":\"3\",\"n\":1,}"},
        {"unterminated string", "{\"id\":\"3\",\"s\":\"abc}"},
        {"bad escape", "{\"id\":\"3\",\"s\":\"a\\qb\"}"},
        {"bare word", "{\"id\":\"3\",\"flag\":tru}"},
        {"NaN literal", "{\"id\":\"3\",\"f\":NaN}"},
        {"mismatched bracket", "{\"id\":\"3\",\"n\":1]"},
        {"unclosed nested object", "{\"id\":\"3\",\"obj\":{\"x\":1}"},
        {"array instead of object", "[{\"id\":\"3\"}]"},
        {"plain string", "\"id 3\""},
        {"plain number", "42"},
        {"not json at all", "id=3&n=1"},
    };
    for (String[] bad : malformed) {
      List<String> docs = List.of("{\"id\":\"1\",\"n\":1}", "{\"id\":\"2\",\"n\":2}", bad[1]);
      cases.add(new BadInputCase("malformed JSON, parsed by the connector: " + bad[0], Path.CORE_WRITE, Target.NEW_INDEX,
          DYNAMIC, docs, Map.of("es.mapping.id", "id"), List.of("document #3", "not valid JSON"), 2, null));
      cases.add(new BadInputCase("malformed JSON, logged by es.write.data.error.handlers=log: " + bad[0],
          Path.CORE_WRITE_HANDLED, Target.NEW_INDEX, DYNAMIC, docs, Map.of("es.write.data.error.handlers", "log"),
          List.of("encoding failure: document #3 of corpus writer", "given to saveJsonToEs is not", bad[1]), 2, null));
    }
    cases.add(new BadInputCase("malformed JSON through Spark saveJsonToEs", Path.SPARK_JSON_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\",\"n\":"), Map.of("es.mapping.id", "id"),
        List.of("document #3 given to saveJsonToEs is not valid JSON"), 2, null));
    cases.add(new BadInputCase("empty document", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\"}", ""), Map.of("es.mapping.id", "id"), List.of("document #2"), 1, null));
  }

  private static void strictMappingTypes(List<BadInputCase> cases) {
    String[][] wrong = {
        {"unmapped field under dynamic=strict", "{\"id\":\"x\",\"extra\":1}", "extra"},
        {"unmapped nested field under dynamic=strict", "{\"id\":\"x\",\"obj\":{\"y\":1}}", "[y] within [obj]"},
        {"string in a long", "{\"id\":\"x\",\"n\":\"twelve\"}", "[n]"},
        {"fraction string in a long", "{\"id\":\"x\",\"n\":\"1.5x\"}", "[n]"},
        {"out of range for integer", "{\"id\":\"x\",\"i\":3000000000}", "[i]"},
        {"out of range for byte", "{\"id\":\"x\",\"b\":300}", "[b]"},
        {"object in a long", "{\"id\":\"x\",\"n\":{\"v\":1}}", "[n]"},
        {"unparsable date", "{\"id\":\"x\",\"d\":\"yesterday\"}", "[d]"},
        {"date with month 13", "{\"id\":\"x\",\"d\":\"2024-13-01\"}", "[d]"},
        {"boolean as a word", "{\"id\":\"x\",\"flag\":\"yes\"}", "[flag]"},
        {"boolean as a number", "{\"id\":\"x\",\"flag\":2}", "[flag]"},
        {"malformed ip", "{\"id\":\"x\",\"ip\":\"300.1.1.1\"}", "[ip]"},
        {"geo point out of range", "{\"id\":\"x\",\"geo\":{\"lat\":100,\"lon\":0}}", "[geo]"},
        {"geo point as a word", "{\"id\":\"x\",\"geo\":\"somewhere\"}", "[geo]"},
        {"object where a value is mapped", "{\"id\":\"x\",\"k\":{\"a\":1}}", "[k]"},
        {"value where an object is mapped", "{\"id\":\"x\",\"obj\":5}", "obj"},
        {"string in a float", "{\"id\":\"x\",\"f\":\"pi\"}", "[f]"},
    };
    for (String[] bad : wrong) {
      cases.add(new BadInputCase("strict mapping: " + bad[0], Path.CORE_WRITE, Target.NEW_INDEX, STRICT,
          List.of("{\"id\":\"ok\",\"n\":1}", bad[1]), Map.of("es.mapping.id", "id"),
          List.of("document [x]", bad[2], "1 of 2 document(s)"), 1, null));
      cases.add(new BadInputCase("strict mapping, logged by es.write.rest.error.handlers=log: " + bad[0],
          Path.CORE_WRITE_HANDLED, Target.NEW_INDEX, STRICT, List.of("{\"id\":\"ok\",\"n\":1}", bad[1]),
          Map.of("es.mapping.id", "id", "es.write.rest.error.handlers", "log"),
          List.of("bulk failure: document [x]", bad[2]), 1, null));
    }
    cases.add(new BadInputCase("numeric date in epoch millis is valid", Path.CORE_WRITE, Target.NEW_INDEX, STRICT,
        List.of("{\"id\":\"a\",\"d\":1700000000000}", "{\"id\":\"b\",\"d\":\"2024-02-29\"}"), Map.of("es.mapping.id", "id"),
        List.of(), 2, null));
    cases.add(new BadInputCase("keyword over ignore_above is kept in _source", Path.CORE_WRITE, Target.NEW_INDEX, STRICT,
        List.of("{\"id\":\"a\",\"k\":\"much-longer-than-five\"}"), Map.of("es.mapping.id", "id"), List.of(), 1, null));
  }

  private static void mappingConflicts(List<BadInputCase> cases) {
    cases.add(new BadInputCase("dynamic type conflict within one job", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\",\"v\":1}", "{\"id\":\"2\",\"v\":\"text\"}", "{\"id\":\"3\",\"v\":3}"),
        Map.of("es.mapping.id", "id", "es.batch.size.entries", "1"), List.of("document [2]", "[v]"), 1, null));
    cases.add(new BadInputCase("object then value for one field", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\",\"o\":{\"a\":1}}", "{\"id\":\"2\",\"o\":7}"),
        Map.of("es.mapping.id", "id", "es.batch.size.entries", "1"), List.of("document [2]", "[o]"), 1, null));
    cases.add(new BadInputCase("value then object for one field", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\",\"o\":7}", "{\"id\":\"2\",\"o\":{\"a\":1}}"),
        Map.of("es.mapping.id", "id", "es.batch.size.entries", "1"), List.of("document [2]", "[o]"), 1, null));
    cases.add(new BadInputCase("field limit of the index exceeded", Path.CORE_WRITE, Target.NEW_INDEX,
        "{\"settings\":{\"number_of_replicas\":0,\"index.mapping.total_fields.limit\":3}}",
        List.of("{\"id\":\"1\",\"a\":1}", "{\"id\":\"2\",\"b\":1,\"c\":1,\"d\":1}"), Map.of("es.mapping.id", "id"),
        List.of("document [2]", "Limit of total fields [3]"), 1, null));
    // The limit must stay above the metadata fields' names (_data_stream_timestamp has 22 characters),
    // which Elasticsearch checks too, in no fixed order.
    cases.add(new BadInputCase("field name longer than the index allows", Path.CORE_WRITE, Target.NEW_INDEX,
        "{\"settings\":{\"number_of_replicas\":0,\"index.mapping.field_name_length.limit\":30}}",
        List.of("{\"id\":\"1\",\"" + "f".repeat(40) + "\":1}"), Map.of("es.mapping.id", "id"),
        List.of("document [1]", "f".repeat(40)), 0, null));
    cases.add(new BadInputCase("mapping id field missing from the document", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"1\"}", "{\"name\":\"no id\"}"), Map.of("es.mapping.id", "id"),
        List.of("position 2", "no value in field [id]", "es.mapping.id"), 1, null));
  }

  private static void validButUnusual(List<BadInputCase> cases) {
    cases.add(new BadInputCase("unicode field names and values", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"ü1\",\"naïve\":\"日本語\",\"emoji😀\":\"🚀\"}", "{\"id\":\"ü2\",\"ключ\":\"значение\"}"),
        Map.of("es.mapping.id", "id"), List.of(), 2, null));
    cases.add(new BadInputCase("unicode through Spark saveJsonToEs", Path.SPARK_JSON_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"é\",\"名前\":\"値\"}", "{\"id\":\"ß\",\"ὄνομα\":\"τιμή\"}"), Map.of("es.mapping.id", "id"),
        List.of(), 2, null));
    cases.add(new BadInputCase("escaped unicode and control characters", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"e1\",\"s\":\"tab\\tnew\\nline \\u00e9 \\ud83d\\ude00\"}"), Map.of("es.mapping.id", "id"),
        List.of(), 1, null));
    cases.add(new BadInputCase("very long field name (1,000 characters)", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\"id\":\"long\",\"" + "n".repeat(1000) + "\":1}"), Map.of("es.mapping.id", "id"), List.of(), 1, null));
    cases.add(new BadInputCase("pretty-printed document over several lines", Path.CORE_WRITE, Target.NEW_INDEX, DYNAMIC,
        List.of("{\n  \"id\": \"p\",\n  \"n\": 1\n}"), Map.of(), List.of(), 1, null));
    cases.add(new BadInputCase("document over http.max_content_length", Path.CORE_WRITE,
        Target.ON_SMALL_REQUEST_LIMIT_SERVER, DYNAMIC,
        List.of("{\"id\":\"small\"}", "{\"id\":\"huge\",\"s\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"),
        Map.of("es.mapping.id", "id"),
        List.of("2 document(s)", "http.max_content_length", "es.batch.size.bytes", "document [huge]"), 0, null));
  }

  private static void targets(List<BadInputCase> cases) {
    cases.add(new BadInputCase("missing index on read", Path.CORE_READ, Target.MISSING, null, List.of(), Map.of(),
        List.of("does not exist", "es.index.read.missing.as.empty"), -1, null));
    cases.add(new BadInputCase("missing index on read, as empty", Path.CORE_READ, Target.MISSING, null, List.of(),
        Map.of("es.index.read.missing.as.empty", "true"), List.of(), 0, null));
    cases.add(new BadInputCase("missing index on Spark read", Path.SPARK_READ, Target.MISSING, null, List.of(), Map.of(),
        List.of("does not exist", "es.index.read.missing.as.empty"), -1, null));
    cases.add(new BadInputCase("missing index on Spark read, as empty", Path.SPARK_READ, Target.MISSING, null, List.of(),
        Map.of("es.index.read.missing.as.empty", "true"), List.of(), 0, null));
    cases.add(new BadInputCase("missing index on write without auto-create", Path.CORE_WRITE, Target.MISSING, null,
        List.of("{\"id\":\"1\"}"), Map.of("es.index.auto.create", "false"),
        List.of("does not exist", "es.index.auto.create"), -1, null));
    cases.add(new BadInputCase("closed index on read", Path.CORE_READ, Target.CLOSED, DYNAMIC, List.of(), Map.of(),
        List.of("closed"), -1, null));
    cases.add(new BadInputCase("closed index on write", Path.CORE_WRITE, Target.CLOSED, DYNAMIC,
        List.of("{\"id\":\"1\"}"), Map.of("es.mapping.id", "id"), List.of("document [1]", "closed"), -1, null));
    cases.add(new BadInputCase("red index on read", Path.CORE_READ, Target.RED, null, List.of(), Map.of(),
        List.of("is red", "no started copy", "es.index.read.allow.red.status"), -1, null));
    cases.add(new BadInputCase("red index on read, allowed: the available shards (none)", Path.CORE_READ, Target.RED, null,
        List.of(), Map.of("es.index.read.allow.red.status", "true"), List.of(), 0, null));
    cases.add(new BadInputCase("red index on Spark read", Path.SPARK_READ, Target.RED, null, List.of(), Map.of(),
        List.of("is red", "es.index.read.allow.red.status"), -1, null));
    cases.add(new BadInputCase("alias over two indexes on write", Path.CORE_WRITE, Target.ALIAS_OVER_TWO_INDEXES, DYNAMIC,
        List.of("{\"id\":\"1\"}"), Map.of("es.mapping.id", "id"), List.of("document [1]", "alias", "write index"), -1, null));
    cases.add(new BadInputCase("alias over two indexes on read is valid", Path.CORE_READ, Target.ALIAS_OVER_TWO_INDEXES,
        DYNAMIC, List.of(), Map.of(), List.of(), 0, null));
  }

  private static void settings(List<BadInputCase> cases) {
    for (Setting<?> setting : Keys.all()) {
      if (isFreeText(setting)) {
        continue;
      }
      if (setting.secret()) {
        cases.add(new BadInputCase("secret setting with a line break: " + setting.key(), Path.SETTINGS, Target.MISSING,
            null, List.of(), Map.of(key(setting), SECRET_WITH_LINE_BREAK), List.of(key(setting), "*****"), -1,
            "s3cr3t-line"));
      } else {
        cases.add(new BadInputCase("invalid value: " + setting.key(), Path.SETTINGS, Target.MISSING, null, List.of(),
            Map.of(setting.key(), BAD_VALUE), List.of("Invalid value '" + BAD_VALUE + "' for " + setting.key(), "expected"),
            -1, null));
      }
    }
    String[][] outOfRange = {
        {"es.scroll.size", "0", "between 1 and 10000"}, {"es.scroll.size", "10001", "between 1 and 10000"},
        {"es.port", "70000", "between 1 and 65535"}, {"es.batch.write.retry.count", "-1", "must be bounded"},
        {"es.batch.size.entries", "0", ">= 1"}, {"es.http.timeout", "-5s", "es.http.timeout"},
        {"es.batch.size.bytes", "12 parsecs", "es.batch.size.bytes"}, {"es.write.operation", "merge", "upsert"},
        {"es.field.read.validate.presence", "sometimes", "strict"}, {"es.nodes.discovery", "yes", "true or false"},
    };
    for (String[] bad : outOfRange) {
      cases.add(new BadInputCase("out of range: " + bad[0] + "=" + bad[1], Path.SETTINGS, Target.MISSING, null, List.of(),
          Map.of(bad[0], bad[1]), List.of(bad[0], bad[2]), -1, null));
    }
    cases.add(new BadInputCase("unsupported node scheme", Path.SETTINGS, Target.MISSING, null, List.of(),
        Map.of("es.nodes", "ftp://127.0.0.1:9200"), List.of("es.nodes entry"), -1, null));
    cases.add(new BadInputCase("two authentication schemes", Path.SETTINGS, Target.MISSING, null, List.of(),
        Map.of("es.net.http.auth.user", "u", "es.net.http.auth.token", "t0ken-value"), List.of("set only one of"), -1,
        "t0ken-value"));
    cases.add(new BadInputCase("unreadable CA file", Path.SETTINGS, Target.MISSING, null, List.of(),
        Map.of("es.net.ssl", "true", "es.net.ssl.ca.location", "/no/such/ca.pem"), List.of("es.net.ssl.ca.location"), -1,
        null));
    cases.add(new BadInputCase("misspelt key", Path.SETTINGS_WARNING, Target.MISSING, null, List.of(),
        Map.of("es.scroll.szie", "10"), List.of("es.scroll.szie", "did you mean es.scroll.size"), -1, null));
    cases.add(new BadInputCase("unknown key", Path.SETTINGS_WARNING, Target.MISSING, null, List.of(),
        Map.of("es.completely.made.up", "x"), List.of("Unknown setting es.completely.made.up"), -1, null));
  }

  /** Settings whose parser takes any text cannot be given a bad value. */
  private static boolean isFreeText(Setting<?> setting) {
    try {
      setting.parse(setting.secret() ? SECRET_WITH_LINE_BREAK : BAD_VALUE);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** A prefix setting stands for a family; one concrete member of it. */
  private static String key(Setting<?> setting) {
    return setting.key().endsWith(".") ? setting.key() + "Authorization" : setting.key();
  }
}
