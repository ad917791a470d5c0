package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

  private static final String PASSWORD = "s3cr3t-Pa55";

  @Test
  void toStringMasksSecretsAndSecretPrefixKeysButShowsPlainValues() {
    Settings settings =
        Settings.of(
            Map.of(
                "es.nodes", "es1:9200",
                "es.net.http.auth.user", "elastic",
                "es.net.http.auth.pass", PASSWORD,
                "es.net.http.auth.apikey", "aWQ6a2V5",
                "es.net.ssl.truststore.pass", "trustme",
                "es.net.http.header.Authorization", "Bearer abc.def"));

    assertThat(settings.toString())
        .isEqualTo(
            "Settings{es.net.http.auth.apikey=*****, es.net.http.auth.pass=*****, es.net.http.auth.user=elastic,"
                + " es.net.http.header.Authorization=*****, es.net.ssl.truststore.pass=*****, es.nodes=es1:9200}");
  }

  @Test
  void toStringMasksUnknownKeysBecauseTheyMayBeMisspeltSecrets() {
    Settings settings = Settings.of(Map.of("es.net.http.auth.passwd", PASSWORD, "spark.app.name", "job"));

    assertThat(settings.toString()).doesNotContain(PASSWORD).doesNotContain("job").contains("es.net.http.auth.passwd=*****");
  }

  @Test
  void invalidSecretIsMaskedInTheErrorMessage() {
    String withTrailingNewline = PASSWORD + "\n";

    InvalidSettingException error =
        catchThrowableOfType(
            () -> Settings.of(Map.of("es.net.http.auth.pass", withTrailingNewline)), InvalidSettingException.class);

    assertThat(error.key()).isEqualTo("es.net.http.auth.pass");
    assertThat(error)
        .hasMessage("Invalid value ***** for es.net.http.auth.pass: expected a value without line breaks")
        .hasNoCause();
  }

  @Test
  void invalidHeaderValueNamesTheFullHeaderKeyAndIsMasked() {
    InvalidSettingException error =
        catchThrowableOfType(
            () -> Settings.of(Map.of("es.net.http.header.Authorization", "Basic " + PASSWORD + "\r\nX-Evil: 1")),
            InvalidSettingException.class);

    assertThat(error.key()).isEqualTo("es.net.http.header.Authorization");
    assertThat(error.getMessage())
        .doesNotContain(PASSWORD)
        .isEqualTo(
            "Invalid value ***** for es.net.http.header.Authorization: expected a value without line breaks");
  }

  @Test
  void nonSecretValuesAreQuotedInErrors() {
    InvalidSettingException error =
        catchThrowableOfType(() -> Keys.NET_SSL.parse("sure"), InvalidSettingException.class);

    assertThat(error).hasMessageContaining("'sure'");
  }
}
