package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every key's default, and every key mapped from an explicit value (Trino's TestElasticsearchConfig style). */
class SettingsDefaultsTest {

  @Test
  void emptySettingsGiveExactlyTheDocumentedDefaults() {
    Map<Setting<?>, Object> expected = new LinkedHashMap<>();
    expected.put(Keys.NODES, List.of("localhost"));
    expected.put(Keys.PORT, 9200);
    expected.put(Keys.NODES_PATH_PREFIX, "");
    expected.put(Keys.NODES_DISCOVERY, true);
    expected.put(Keys.NODES_WAN_ONLY, false);
    expected.put(Keys.NODES_DATA_ONLY, true);
    expected.put(Keys.RESOURCE, Optional.empty());
    expected.put(Keys.RESOURCE_READ, Optional.empty());
    expected.put(Keys.RESOURCE_WRITE, Optional.empty());
    expected.put(Keys.QUERY, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_USER, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_PASS, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_APIKEY, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_TOKEN, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_PASS_FILE, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_APIKEY_FILE, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_TOKEN_FILE, Optional.empty());
    expected.put(Keys.NET_HTTP_AUTH_ALLOW_PLAINTEXT, false);
    expected.put(Keys.KEYSTORE_LOCATION, Optional.empty());
    expected.put(Keys.KEYSTORE_PASS, Optional.empty());
    expected.put(Keys.KEYSTORE_PASS_FILE, Optional.empty());
    expected.put(Keys.KEYSTORE_TYPE, "PKCS12");
    expected.put(Keys.NET_SSL, false);
    expected.put(Keys.NET_SSL_TRUSTSTORE_PASS_FILE, Optional.empty());
    expected.put(Keys.NET_SSL_KEYSTORE_PASS_FILE, Optional.empty());
    expected.put(Keys.LOG_DOCUMENTS, true);
    expected.put(Keys.NET_SSL_TRUSTSTORE_LOCATION, Optional.empty());
    expected.put(Keys.NET_SSL_TRUSTSTORE_PASS, Optional.empty());
    expected.put(Keys.NET_SSL_TRUSTSTORE_TYPE, "PKCS12");
    expected.put(Keys.NET_SSL_KEYSTORE_LOCATION, Optional.empty());
    expected.put(Keys.NET_SSL_KEYSTORE_PASS, Optional.empty());
    expected.put(Keys.NET_SSL_KEYSTORE_TYPE, "PKCS12");
    expected.put(Keys.NET_SSL_CA_LOCATION, Optional.empty());
    expected.put(Keys.NET_SSL_HOSTNAME_VERIFICATION, true);
    expected.put(Keys.HTTP_TIMEOUT, Duration.ofMinutes(1));
    expected.put(Keys.HTTP_RETRIES, 3);
    expected.put(Keys.HTTP_RETRY_WAIT, Duration.ofMillis(500));
    expected.put(Keys.HTTP_COMPRESSION, false);
    expected.put(Keys.SCROLL_SIZE, 1000);
    expected.put(Keys.SCROLL_KEEPALIVE, Duration.ofMinutes(5));
    expected.put(Keys.SCROLL_LIMIT, -1L);
    expected.put(Keys.INPUT_MAX_DOCS_PER_PARTITION, Optional.empty());
    expected.put(Keys.READ_PARTITION_STRATEGY, PartitionStrategy.POINT_IN_TIME);
    expected.put(Keys.READ_METADATA, false);
    expected.put(Keys.READ_METADATA_FIELD, "_metadata");
    expected.put(Keys.READ_METADATA_VERSION, false);
    expected.put(Keys.READ_FIELD_INCLUDE, List.of());
    expected.put(Keys.READ_FIELD_EXCLUDE, List.of());
    expected.put(Keys.READ_FIELD_AS_ARRAY_INCLUDE, List.of());
    expected.put(Keys.READ_FIELD_AS_ARRAY_EXCLUDE, List.of());
    expected.put(Keys.READ_FIELD_AS_ARRAY_SAMPLE, 0);
    expected.put(Keys.READ_UNMAPPED_FIELDS_IGNORE, true);
    expected.put(Keys.INDEX_READ_MISSING_AS_EMPTY, false);
    expected.put(Keys.INDEX_READ_ALLOW_RED_STATUS, false);
    expected.put(Keys.FIELD_READ_EMPTY_AS_NULL, true);
    expected.put(Keys.FIELD_READ_VALIDATE_PRESENCE, "warn");
    expected.put(Keys.MAPPING_ID, Optional.empty());
    expected.put(Keys.MAPPING_ID_GENERATE, "none");
    expected.put(Keys.WRITE_OVERWRITE_STRATEGY, "swap");
    expected.put(Keys.MAPPING_ROUTING, Optional.empty());
    expected.put(Keys.MAPPING_VERSION, Optional.empty());
    expected.put(Keys.MAPPING_VERSION_TYPE, Optional.empty());
    expected.put(Keys.MAPPING_JOIN, Optional.empty());
    expected.put(Keys.MAPPING_INCLUDE, List.of());
    expected.put(Keys.MAPPING_EXCLUDE, List.of());
    expected.put(Keys.MAPPING_NAMES, List.of());
    expected.put(Keys.MAPPING_DATE_RICH, true);
    expected.put(Keys.WRITE_OPERATION, WriteOperation.INDEX);
    expected.put(Keys.UPDATE_RETRY_ON_CONFLICT, 0);
    expected.put(Keys.UPDATE_SCRIPT_INLINE, Optional.empty());
    expected.put(Keys.UPDATE_SCRIPT_STORED, Optional.empty());
    expected.put(Keys.UPDATE_SCRIPT_LANG, Optional.empty());
    expected.put(Keys.UPDATE_SCRIPT_PARAMS, Optional.empty());
    expected.put(Keys.UPDATE_SCRIPT_PARAMS_JSON, Optional.empty());
    expected.put(Keys.BATCH_SIZE_BYTES, new ByteSize(1024 * 1024));
    expected.put(Keys.BATCH_SIZE_ENTRIES, 1000);
    expected.put(Keys.BATCH_WRITE_REFRESH, true);
    expected.put(Keys.BATCH_WRITE_RETRY_COUNT, 3);
    expected.put(Keys.BATCH_WRITE_RETRY_WAIT, Duration.ofSeconds(10));
    expected.put(Keys.BATCH_WRITE_RATE, 0);
    expected.put(Keys.BATCH_WRITE_ADAPTIVE, true);
    expected.put(Keys.INDEX_AUTO_CREATE, true);
    expected.put(Keys.INGEST_PIPELINE, Optional.empty());
    expected.put(Keys.SPARK_DATAFRAME_WRITE_NULL, false);
    expected.put(Keys.INPUT_JSON, false);
    expected.put(Keys.OUTPUT_JSON, false);
    expected.put(Keys.WRITE_REST_ERROR_HANDLERS, List.of());
    expected.put(Keys.WRITE_DATA_ERROR_HANDLERS, List.of());
    expected.put(Keys.READ_DATA_ERROR_HANDLERS, List.of());
    expected.put(Keys.PUSHDOWN, true);
    expected.put(Keys.PUSHDOWN_STRICT, false);
    expected.put(Keys.PROGRESS_INTERVAL, Duration.ofSeconds(10));
    expected.put(Keys.MONITORING_INDEX, "spark-monitoring");
    expected.put(Keys.MONITORING_TEMPLATE, true);
    expected.put(Keys.MONITORING_TASKS, true);
    expected.put(Keys.MONITORING_QUEUE_SIZE, 10_000);
    expected.put(Keys.MONITORING_CLOSE_TIMEOUT, Duration.ofSeconds(10));
    expected.put(Keys.MIRROR_INDEXES, List.of());
    expected.put(Keys.MIRROR_INTERVAL, Duration.ofSeconds(30));
    expected.put(Keys.MIRROR_MARKER_FIELD, Optional.empty());
    expected.put(Keys.MIRROR_MARKER_OVERLAP, 5000L);
    expected.put(Keys.MIRROR_STATE_INDEX, ".searchbridge-mirror-state");

    assertThat(expected.keySet())
        .as("a new key needs its default asserted here")
        .containsExactlyInAnyOrderElementsOf(Keys.all().stream().filter(s -> !s.isPrefix()).toList());
    Settings empty = Settings.empty();
    expected.forEach((setting, value) -> assertThat((Object) empty.get(setting)).as(setting.key()).isEqualTo(value));
    assertThat(Settings.of(Map.of())).isEqualTo(empty);
  }

  @Test
  void everyKeyMapsFromAnExplicitValue() {
    Map<String, String> raw = new LinkedHashMap<>();
    Map<Setting<?>, Object> expected = new LinkedHashMap<>();
    expect(raw, expected, Keys.NODES, " http://a:9201 , b:9202,,https://c ", List.of("http://a:9201", "b:9202", "https://c"));
    expect(raw, expected, Keys.PORT, "9243", 9243);
    expect(raw, expected, Keys.NODES_PATH_PREFIX, "/es", "/es");
    expect(raw, expected, Keys.NODES_DISCOVERY, "false", false);
    expect(raw, expected, Keys.NODES_WAN_ONLY, "TRUE", true);
    expect(raw, expected, Keys.NODES_DATA_ONLY, "false", false);
    expect(raw, expected, Keys.RESOURCE, "logs", Optional.of("logs"));
    expect(raw, expected, Keys.RESOURCE_READ, "logs-*", Optional.of("logs-*"));
    expect(raw, expected, Keys.RESOURCE_WRITE, "logs-{date}", Optional.of("logs-{date}"));
    expect(raw, expected, Keys.QUERY, "?q=user:kimchy", Optional.of("?q=user:kimchy"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_USER, "elastic", Optional.of("elastic"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_PASS, "changeme", Optional.of("changeme"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_APIKEY, "aWQ6a2V5", Optional.of("aWQ6a2V5"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_TOKEN, "tok", Optional.of("tok"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_PASS_FILE, " /run/secrets/pass ", Optional.of("/run/secrets/pass"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_APIKEY_FILE, "/run/secrets/key", Optional.of("/run/secrets/key"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_TOKEN_FILE, "/run/secrets/token", Optional.of("/run/secrets/token"));
    expect(raw, expected, Keys.NET_HTTP_AUTH_ALLOW_PLAINTEXT, "true", true);
    expect(raw, expected, Keys.KEYSTORE_LOCATION, "esh.keystore", Optional.of("esh.keystore"));
    expect(raw, expected, Keys.KEYSTORE_PASS, "kpass", Optional.of("kpass"));
    expect(raw, expected, Keys.KEYSTORE_PASS_FILE, "/run/secrets/kpass", Optional.of("/run/secrets/kpass"));
    expect(raw, expected, Keys.KEYSTORE_TYPE, "JCEKS", "JCEKS");
    expect(raw, expected, Keys.NET_SSL, "true", true);
    expect(raw, expected, Keys.NET_SSL_TRUSTSTORE_PASS_FILE, "/run/ts", Optional.of("/run/ts"));
    expect(raw, expected, Keys.NET_SSL_KEYSTORE_PASS_FILE, "/run/ks", Optional.of("/run/ks"));
    expect(raw, expected, Keys.LOG_DOCUMENTS, "false", false);
    expect(raw, expected, Keys.NET_SSL_TRUSTSTORE_LOCATION, "/etc/ts.p12", Optional.of("/etc/ts.p12"));
    expect(raw, expected, Keys.NET_SSL_TRUSTSTORE_PASS, "tspass", Optional.of("tspass"));
    expect(raw, expected, Keys.NET_SSL_TRUSTSTORE_TYPE, "JKS", "JKS");
    expect(raw, expected, Keys.NET_SSL_KEYSTORE_LOCATION, "/etc/ks.p12", Optional.of("/etc/ks.p12"));
    expect(raw, expected, Keys.NET_SSL_KEYSTORE_PASS, "kspass", Optional.of("kspass"));
    expect(raw, expected, Keys.NET_SSL_KEYSTORE_TYPE, "JKS", "JKS");
    expect(raw, expected, Keys.NET_SSL_CA_LOCATION, "/etc/ca.pem", Optional.of("/etc/ca.pem"));
    expect(raw, expected, Keys.NET_SSL_HOSTNAME_VERIFICATION, "false", false);
    expect(raw, expected, Keys.HTTP_TIMEOUT, "30s", Duration.ofSeconds(30));
    expect(raw, expected, Keys.HTTP_RETRIES, "0", 0);
    expect(raw, expected, Keys.HTTP_RETRY_WAIT, "2s", Duration.ofSeconds(2));
    expect(raw, expected, Keys.HTTP_COMPRESSION, "true", true);
    expect(raw, expected, Keys.SCROLL_SIZE, "10000", 10000);
    expect(raw, expected, Keys.SCROLL_KEEPALIVE, "1h", Duration.ofHours(1));
    expect(raw, expected, Keys.SCROLL_LIMIT, "5000000000", 5_000_000_000L);
    expect(raw, expected, Keys.INPUT_MAX_DOCS_PER_PARTITION, "100000", Optional.of(100_000L));
    expect(raw, expected, Keys.READ_PARTITION_STRATEGY, "shard", PartitionStrategy.SHARD);
    expect(raw, expected, Keys.READ_METADATA, "true", true);
    expect(raw, expected, Keys.READ_METADATA_FIELD, "_meta", "_meta");
    expect(raw, expected, Keys.READ_METADATA_VERSION, "true", true);
    expect(raw, expected, Keys.READ_FIELD_INCLUDE, "a,b.*", List.of("a", "b.*"));
    expect(raw, expected, Keys.READ_FIELD_EXCLUDE, "c", List.of("c"));
    expect(raw, expected, Keys.READ_FIELD_AS_ARRAY_INCLUDE, "tags,matrix:2", List.of("tags", "matrix:2"));
    expect(raw, expected, Keys.READ_FIELD_AS_ARRAY_EXCLUDE, "name", List.of("name"));
    expect(raw, expected, Keys.READ_FIELD_AS_ARRAY_SAMPLE, "50", 50);
    expect(raw, expected, Keys.READ_UNMAPPED_FIELDS_IGNORE, "false", false);
    expect(raw, expected, Keys.INDEX_READ_MISSING_AS_EMPTY, "true", true);
    expect(raw, expected, Keys.INDEX_READ_ALLOW_RED_STATUS, "true", true);
    expect(raw, expected, Keys.FIELD_READ_EMPTY_AS_NULL, "false", false);
    expect(raw, expected, Keys.FIELD_READ_VALIDATE_PRESENCE, "Strict", "strict");
    expect(raw, expected, Keys.MAPPING_ID, "uuid", Optional.of("uuid"));
    expect(raw, expected, Keys.MAPPING_ID_GENERATE, "content", "content");
    expect(raw, expected, Keys.WRITE_OVERWRITE_STRATEGY, "delete", "delete");
    expect(raw, expected, Keys.MAPPING_ROUTING, "tenant", Optional.of("tenant"));
    expect(raw, expected, Keys.MAPPING_VERSION, "ver", Optional.of("ver"));
    expect(raw, expected, Keys.MAPPING_VERSION_TYPE, "external_gte", Optional.of("external_gte"));
    expect(raw, expected, Keys.MAPPING_JOIN, "relation", Optional.of("relation"));
    expect(raw, expected, Keys.MAPPING_INCLUDE, "a, b", List.of("a", "b"));
    expect(raw, expected, Keys.MAPPING_EXCLUDE, "uuid", List.of("uuid"));
    expect(raw, expected, Keys.MAPPING_NAMES, "user_name:userName", List.of("user_name:userName"));
    expect(raw, expected, Keys.MAPPING_DATE_RICH, "false", false);
    expect(raw, expected, Keys.WRITE_OPERATION, "upsert", WriteOperation.UPSERT);
    expect(raw, expected, Keys.UPDATE_RETRY_ON_CONFLICT, "5", 5);
    expect(raw, expected, Keys.UPDATE_SCRIPT_INLINE, "ctx._source.n += 1", Optional.of("ctx._source.n += 1"));
    expect(raw, expected, Keys.UPDATE_SCRIPT_STORED, "inc", Optional.of("inc"));
    expect(raw, expected, Keys.UPDATE_SCRIPT_LANG, "painless", Optional.of("painless"));
    expect(raw, expected, Keys.UPDATE_SCRIPT_PARAMS, "n:count", Optional.of("n:count"));
    expect(raw, expected, Keys.UPDATE_SCRIPT_PARAMS_JSON, "{\"n\":1}", Optional.of("{\"n\":1}"));
    expect(raw, expected, Keys.BATCH_SIZE_BYTES, "5mb", new ByteSize(5L << 20));
    expect(raw, expected, Keys.BATCH_SIZE_ENTRIES, "500", 500);
    expect(raw, expected, Keys.BATCH_WRITE_REFRESH, "false", false);
    expect(raw, expected, Keys.BATCH_WRITE_RETRY_COUNT, "10", 10);
    expect(raw, expected, Keys.BATCH_WRITE_RETRY_WAIT, "1m", Duration.ofMinutes(1));
    expect(raw, expected, Keys.BATCH_WRITE_RATE, "500", 500);
    expect(raw, expected, Keys.BATCH_WRITE_ADAPTIVE, "false", false);
    expect(raw, expected, Keys.INDEX_AUTO_CREATE, "false", false);
    expect(raw, expected, Keys.INGEST_PIPELINE, "enrich", Optional.of("enrich"));
    expect(raw, expected, Keys.SPARK_DATAFRAME_WRITE_NULL, "true", true);
    expect(raw, expected, Keys.INPUT_JSON, "true", true);
    expect(raw, expected, Keys.OUTPUT_JSON, "true", true);
    expect(raw, expected, Keys.WRITE_REST_ERROR_HANDLERS, "log, es", List.of("log", "es"));
    expect(raw, expected, Keys.WRITE_DATA_ERROR_HANDLERS, "drop", List.of("drop"));
    expect(raw, expected, Keys.READ_DATA_ERROR_HANDLERS, "log,fail", List.of("log", "fail"));
    expect(raw, expected, Keys.PUSHDOWN, "false", false);
    expect(raw, expected, Keys.PUSHDOWN_STRICT, "true", true);
    expect(raw, expected, Keys.PROGRESS_INTERVAL, "0", Duration.ZERO);
    expect(raw, expected, Keys.MONITORING_INDEX, "spark-events", "spark-events");
    expect(raw, expected, Keys.MONITORING_TEMPLATE, "false", false);
    expect(raw, expected, Keys.MONITORING_TASKS, "false", false);
    expect(raw, expected, Keys.MONITORING_QUEUE_SIZE, "500", 500);
    expect(raw, expected, Keys.MONITORING_CLOSE_TIMEOUT, "2s", Duration.ofSeconds(2));
    expect(raw, expected, Keys.MIRROR_INDEXES, "orders, logs-*", List.of("orders", "logs-*"));
    expect(raw, expected, Keys.MIRROR_INTERVAL, "5s", Duration.ofSeconds(5));
    expect(raw, expected, Keys.MIRROR_MARKER_FIELD, "updated_at", Optional.of("updated_at"));
    expect(raw, expected, Keys.MIRROR_MARKER_OVERLAP, "0", 0L);
    expect(raw, expected, Keys.MIRROR_STATE_INDEX, "mirror-state", "mirror-state");

    assertThat(expected.keySet())
        .as("a new key needs an explicit mapping asserted here")
        .containsExactlyInAnyOrderElementsOf(Keys.all().stream().filter(s -> !s.isPrefix()).toList());
    Settings settings = Settings.of(raw);
    expected.forEach((setting, value) -> {
      assertThat(value).as(setting.key() + " must differ from its default").isNotEqualTo(setting.defaultValue());
      assertThat((Object) settings.get(setting)).as(setting.key()).isEqualTo(value);
    });
    assertThat(settings.unknownKeys()).isEmpty();
  }

  private static <T> void expect(
      Map<String, String> raw, Map<Setting<?>, Object> expected, Setting<T> setting, String value, T parsed) {
    raw.put(setting.key(), value);
    expected.put(setting, parsed);
  }
}
