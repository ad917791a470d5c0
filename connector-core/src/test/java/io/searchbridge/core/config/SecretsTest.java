package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** A keystore as ES-Hadoop's elasticsearch-hadoop-keystore writes it: AES secret-key entries, password "changeme". */
  private Path esHadoopKeystore(Map<String, String> entries, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password.toCharArray());
    entries.forEach((alias, value) -> {
      try {
        store.setEntry(alias, new KeyStore.SecretKeyEntry(
            new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "AES")), protection);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Path path = dir.resolve("esh.keystore");
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, password.toCharArray());
    }
    return path;
  }

  @Test
  void plainSettingWhenNothingElse() {
    Secrets secrets = Secrets.of(Settings.of(Map.of("es.net.http.auth.pass", "s3cret")));
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_PASS)).contains("s3cret");
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_TOKEN)).isEmpty();
  }

  @Test
  void fileDropsOneFinalLineBreak() throws Exception {
    Path pass = file("pass", "s3cret \n");
    Path token = file("token", "tok\r\n");
    Secrets secrets = Secrets.of(Settings.of(Map.of("es.net.http.auth.pass.file", pass.toString(),
        "es.net.http.auth.token.file", "file:" + token)));
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_PASS)).contains("s3cret ");
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_TOKEN)).contains("tok");
  }

  @Test
  void fileWithSeveralLinesOrNoneIsRefusedWithoutShowingIt() throws Exception {
    Path twoLines = file("two", "first-secret\nsecond\n");
    assertThatThrownBy(() -> Secrets.of(Settings.of(Map.of("es.net.http.auth.pass.file", twoLines.toString())))
        .get(Keys.NET_HTTP_AUTH_PASS))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.key()).isEqualTo("es.net.http.auth.pass.file"))
        .hasMessageContaining("one line").hasMessageNotContaining("first-secret");
    Path empty = file("empty", "\n");
    assertThatThrownBy(() -> Secrets.of(Settings.of(Map.of("es.net.http.auth.pass.file", empty.toString())))
        .get(Keys.NET_HTTP_AUTH_PASS)).hasMessageContaining("es.net.http.auth.pass.file");
  }

  @Test
  void missingFileNamesTheSetting() {
    assertThatThrownBy(() -> Secrets.of(Settings.of(Map.of("es.net.http.auth.pass.file", "/no/such/pass")))
        .get(Keys.NET_HTTP_AUTH_PASS))
        .hasMessageContaining("cannot read es.net.http.auth.pass.file '/no/such/pass'");
  }

  @Test
  void bothFileAndValueAreRefused() throws Exception {
    Path pass = file("pass", "a");
    assertThatThrownBy(() -> Secrets.of(Settings.of(Map.of("es.net.http.auth.pass.file", pass.toString(),
        "es.net.http.auth.pass", "b"))).get(Keys.NET_HTTP_AUTH_PASS))
        .hasMessageContaining("both es.net.http.auth.pass and es.net.http.auth.pass.file");
  }

  @Test
  void headersFromFilesAndValues() throws Exception {
    Path auth = file("auth", "Bearer tok\n");
    Map<String, String> headers = Secrets.of(Settings.of(Map.of("es.net.http.header.Authorization.file",
        auth.toString(), "es.net.http.header.X-Tenant", "blue"))).byPrefix("es.net.http.header.");
    assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of("Authorization", "Bearer tok", "X-Tenant", "blue"));
  }

  @Test
  void esHadoopKeystoreEntriesWinOverSettings() throws Exception {
    Path store = esHadoopKeystore(Map.of("es.net.http.auth.pass", "from-keystore",
        "es.net.http.header.Authorization", "ApiKey k"), "changeme");
    Secrets secrets = Secrets.of(Settings.of(Map.of("es.keystore.location", store.toString(),
        "es.net.http.auth.pass", "from-settings")));
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_PASS)).contains("from-keystore");
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_TOKEN)).isEmpty();
    assertThat(secrets.byPrefix("es.net.http.header.")).containsEntry("Authorization", "ApiKey k");
  }

  @Test
  void keystoreWithItsOwnPasswordFromAFile() throws Exception {
    Path store = esHadoopKeystore(Map.of("es.net.http.auth.token", "tok"), "store-pass");
    Path pass = file("store-pass", "store-pass\n");
    Secrets secrets = Secrets.of(Settings.of(Map.of("es.keystore.location", store.toString(),
        "es.keystore.pass.file", pass.toString())));
    assertThat(secrets.get(Keys.NET_HTTP_AUTH_TOKEN)).contains("tok");
  }

  @Test
  void wrongKeystorePasswordNamesTheSettingsButNotThePassword() throws Exception {
    Path store = esHadoopKeystore(Map.of("es.net.http.auth.token", "tok"), "store-pass");
    assertThatThrownBy(() -> Secrets.of(Settings.of(Map.of("es.keystore.location", store.toString(),
        "es.keystore.pass", "wrong-pass-4711"))))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("es.keystore.location"))
        .hasMessageContaining("es.keystore.pass").hasMessageNotContaining("wrong-pass-4711");
  }

  @Test
  void valuesCoverEveryCredentialButNoOtherOption() throws Exception {
    Path token = file("token", "file-token\n");
    Secrets secrets = Secrets.of(Settings.of(Map.of(
        "es.net.http.auth.user", "elastic",
        "es.net.http.auth.token.file", token.toString(),
        "es.net.http.header.Authorization", "Bearer header-token",
        "es.net.ssl.truststore.pass", "ts-pass",
        "es.write.rest.error.handler.es.client.conf.es.net.http.auth.pass", "dead-letter-pass",
        "es.write.rest.error.handler.log.logger.level", "WARN",
        "es.mirror.standby.net.http.auth.apikey", "standby-key",
        "es.mirror.standby.nodes", "standby:9200")));
    assertThat(secrets.values()).containsExactlyInAnyOrder(
        "file-token", "Bearer header-token", "ts-pass", "dead-letter-pass", "standby-key");
  }
}
