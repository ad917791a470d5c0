package io.searchbridge.it.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.RestCalls;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.spark.rdd.JavaSearchbridgeSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The RDD API from Java: {@link JavaSearchbridgeSpark}. */
@ExtendWith(ElasticsearchExtension.class)
class RddJavaApiIT {

  /** A Java bean, as Java users write them. */
  public static final class Order implements java.io.Serializable {
    private final String id;
    private final int quantity;

    public Order(String id, int quantity) {
      this.id = id;
      this.quantity = quantity;
    }

    public String getId() {
      return id;
    }

    public int getQuantity() {
      return quantity;
    }
  }

  @Test
  void beansAndMapsRoundTrip(ElasticsearchServer server) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    String index = server.uniqueIndex("orders");
    Map<String, String> cfg = Map.of("es.nodes", server.url(), "es.mapping.id", "id");
    JavaSearchbridgeSpark.saveToEs(jsc.parallelize(List.of(new Order("o1", 3), new Order("o2", 5)), 2), index, cfg);
    JavaSearchbridgeSpark.saveToEs(jsc.parallelize(List.of(new java.util.TreeMap<>(Map.of("id", "o3", "quantity", 7)))), index, cfg);

    Map<String, Map<String, Object>> read = JavaSearchbridgeSpark.esRDD(jsc, index, null, Map.of("es.nodes", server.url()))
        .collectAsMap();
    assertThat(read).containsOnlyKeys("o1", "o2", "o3");
    assertThat(read.get("o2")).containsEntry("quantity", 5).containsEntry("id", "o2");
    assertThat(JavaSearchbridgeSpark.esJsonRDD(jsc, index, "?q=quantity:7", Map.of("es.nodes", server.url())).values()
        .collect()).containsExactly("{\"id\":\"o3\",\"quantity\":7}");
  }

  @Test
  void malformedJsonNamesTheDocument(ElasticsearchServer server) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    String index = server.uniqueIndex("badjson");
    assertThatThrownBy(() -> JavaSearchbridgeSpark.saveJsonToEs(jsc.parallelize(List.of("{\"id\":1}", "{\"id\":"), 1), index,
        Map.of("es.nodes", server.url(), "es.mapping.id", "id")))
        .hasStackTraceContaining("document #2 given to saveJsonToEs is not valid JSON");
    assertThat(new RestCalls(server).count(index)).isEqualTo(1);
  }
}
