package io.searchbridge.hive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedElasticsearch;
import io.searchbridge.mr.EsCounter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hive 4.1 queries on tables stored by {@link EsStorageHandler}, against the real server. One Hive
 * session and one source table serve every test: creating a table takes seconds.
 */
class HiveStorageHandlerIT {

  private static final int DOCS = 100;

  private static ElasticsearchServer server;
  private static RestCalls rest;
  private static HiveSession hive;
  private static String source;

  @BeforeAll
  static void createSourceIndexAndTable() {
    server = SharedElasticsearch.get();
    rest = new RestCalls(server);
    hive = HiveSession.get();
    source = server.uniqueIndex("hive-src");
    rest.put("/" + source, """
        {"settings": {"number_of_shards": 2, "number_of_replicas": 0},
         "mappings": {"properties": {
           "id": {"type": "keyword"}, "title": {"type": "text"}, "tag": {"type": "keyword"},
           "n": {"type": "integer"}, "price": {"type": "double"}, "active": {"type": "boolean"},
           "born": {"type": "date"}, "seen": {"type": "date"}, "tags": {"type": "keyword"},
           "attrs": {"type": "object"}, "address": {"properties": {"city": {"type": "keyword"}, "zip": {"type": "integer"}}},
           "userName": {"type": "keyword"}, "blob": {"type": "binary"}}}}""");
    String bulk = IntStream.range(0, DOCS).mapToObj(i -> "{\"index\":{\"_id\":\"d" + i + "\"}}\n" + document(i))
        .collect(Collectors.joining("\n", "", "\n"));
    rest.post("/" + source + "/_bulk?refresh=true", bulk);
    hive.run("CREATE EXTERNAL TABLE src (id STRING, title STRING, tag STRING, n INT, price DECIMAL(10,2), active BOOLEAN,"
        + " born DATE, seen TIMESTAMP, tags ARRAY<STRING>, attrs MAP<STRING,INT>, address STRUCT<city:STRING,zip:INT>,"
        + " user_name VARCHAR(20), blob BINARY)"
        + " STORED BY 'io.searchbridge.hive.EsStorageHandler'"
        + " TBLPROPERTIES ('es.nodes' = '" + server.url() + "', 'es.resource' = '" + source + "',"
        + " 'es.mapping.names' = 'user_name:userName')");
  }

  private static String document(int i) {
    return "{\"id\":\"d" + i + "\",\"title\":\"Title number " + i + "\",\"tag\":\"t" + (i % 10) + "\",\"n\":" + i
        + ",\"price\":" + i + ".25,\"active\":" + (i % 2 == 0) + ",\"born\":\"2020-01-" + String.format("%02d", 1 + i % 28)
        + "\",\"seen\":\"2024-05-06T07:08:09.123Z\",\"tags\":[\"a" + i + "\",\"b\"],\"attrs\":{\"x\":" + i + ",\"y\":1},"
        + "\"address\":{\"city\":\"c" + (i % 3) + "\",\"zip\":" + (1000 + i) + "},\"userName\":\"" + (i == 5 ? "" : "User" + i) + "\","
        + "\"blob\":\"aGk=\"}";
  }

  @Test
  void whereClauseIsPushedSoOnlyMatchingDocumentsAreRead() {
    List<String> rows = hive.run("SELECT id, n FROM src WHERE tag = 't3' AND n >= 50 AND n < 90 ORDER BY n");

    assertThat(rows).containsExactly("d53\t53", "d63\t63", "d73\t73", "d83\t83");
    assertThat(hive.counter(EsCounter.DOCUMENTS_READ)).isEqualTo(4);
    long projectedBytes = hive.counter(EsCounter.BYTES_READ);

    assertThat(hive.run("SELECT * FROM src WHERE tag = 't3' AND n >= 50 AND n < 90")).hasSize(4);
    assertThat(hive.counter(EsCounter.DOCUMENTS_READ)).isEqualTo(4);
    assertThat(projectedBytes).as("only the columns used are fetched").isLessThan(hive.counter(EsCounter.BYTES_READ));
  }

  @Test
  void orAndNullTestsArePushed() {
    List<String> rows = hive.run("SELECT id FROM src WHERE (n = 1 OR title = 'Title number 2') AND user_name IS NOT NULL"
        + " AND id <> 'd0' ORDER BY id");

    assertThat(rows).containsExactly("d1", "d2");
    assertThat(hive.counter(EsCounter.DOCUMENTS_READ)).isEqualTo(2);

    // d5 has an empty userName, which reads as NULL
    assertThat(hive.run("SELECT id FROM src WHERE user_name IS NULL")).containsExactly("d5");
    assertThat(hive.counter(EsCounter.DOCUMENTS_READ)).isEqualTo(1);
  }

  @Test
  void groupByCountsEveryDocument() {
    List<String> rows = hive.run("SELECT tag, count(*), sum(n) FROM src GROUP BY tag ORDER BY tag");

    assertThat(rows).hasSize(10).first().isEqualTo("t0\t10\t450");
    assertThat(hive.counter(EsCounter.DOCUMENTS_READ)).isEqualTo(DOCS);
  }

  @Test
  void everyColumnTypeIsReadIncludingArraysMapsStructsAndRenamedFields() {
    List<String> rows = hive.run("SELECT id, title, price, active, born, seen, tags, attrs['x'], address.city, address.zip,"
        + " user_name, blob FROM src WHERE id = 'd7'");

    assertThat(rows).containsExactly(
        "d7\tTitle number 7\t7.25\tfalse\t2020-01-08\t2024-05-06 07:08:09.123\t[\"a7\",\"b\"]\t7\tc1\t1007\tUser7\thi");
  }

  @Test
  void insertSelectWritesDocumentsThatRoundTrip() {
    String target = server.uniqueIndex("hive-dst");
    hive.run("CREATE EXTERNAL TABLE dst (id STRING, n BIGINT, price DECIMAL(10,2), born DATE, seen TIMESTAMP,"
        + " tags ARRAY<STRING>, attrs MAP<STRING,INT>, address STRUCT<city:STRING,zip:INT>, user_name STRING, blob BINARY)"
        + " STORED BY 'io.searchbridge.hive.EsStorageHandler'"
        + " TBLPROPERTIES ('es.nodes' = '" + server.url() + "', 'es.resource' = '" + target + "', 'es.mapping.id' = 'id',"
        + " 'es.mapping.names' = 'user_name:owner.name')");

    hive.run("INSERT INTO dst SELECT id, n, price, born, seen, tags, attrs, address, user_name, blob FROM src WHERE n < 20");

    assertThat(rest.count(target)).isEqualTo(20);
    assertThat(hive.counter(EsCounter.DOCUMENTS_WRITTEN)).isEqualTo(20);
    JsonNode written = rest.get("/" + target + "/_doc/d7").path("_source");
    assertThat(written.toString()).isEqualTo("{\"id\":\"d7\",\"n\":7,\"price\":7.25,\"born\":\"2020-01-08\","
        + "\"seen\":\"2024-05-06T07:08:09.123\",\"tags\":[\"a7\",\"b\"],\"attrs\":{\"x\":7,\"y\":1},"
        + "\"address\":{\"city\":\"c1\",\"zip\":1007},\"owner\":{\"name\":\"User7\"},\"blob\":\"aGk=\"}");
    assertThat(hive.run("SELECT id, tags[0], attrs['y'], address.zip, user_name, blob FROM dst WHERE id = 'd7'"))
        .containsExactly("d7\ta7\t1\t1007\tUser7\thi");
  }
}
