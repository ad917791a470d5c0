package io.searchbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.searchbridge.it.support.ElasticsearchExtension;
import io.searchbridge.it.support.ElasticsearchServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchExtensionIT {

  private static final String HEALTHY = "\"status\":\"(green|yellow)\"";

  @Test
  void sharedServerIsHealthy(ElasticsearchServer es) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        get(es.url() + "/_cluster/health").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsPattern(HEALTHY);
    assertThat(es.url()).isEqualTo("http://" + es.host() + ":" + es.port());
  }

  @Test
  void uniqueIndexNamesNeverRepeat(ElasticsearchServer es) {
    String first = es.uniqueIndex("Docs");
    String second = es.uniqueIndex("Docs");

    assertThat(first).startsWith("docs-").isLowerCase().isNotEqualTo(second);
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
  }
}
