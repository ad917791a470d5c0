package io.searchbridge.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void everyConstantIsRegisteredOnce() throws IllegalAccessException {
    List<Setting<?>> constants = new ArrayList<>();
    for (Field field : Keys.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
        constants.add((Setting<?>) field.get(null));
      }
    }

    assertThat(Keys.all()).containsExactlyElementsOf(constants);
    assertThat(Keys.all().stream().map(Setting::key)).doesNotHaveDuplicates();
  }

  @Test
  void everyKeyIsInTheEsNamespaceWithAOneLineDoc() {
    assertThat(Keys.all())
        .allSatisfy(
            setting -> {
              assertThat(setting.key()).startsWith("es.");
              assertThat(setting.doc()).isNotBlank().doesNotContain("\n");
            });
  }

  @Test
  void onlyCredentialsAreSecret() {
    assertThat(Keys.all().stream().filter(Setting::secret).map(Setting::key))
        .containsExactlyInAnyOrder(
            "es.net.http.auth.pass",
            "es.net.http.auth.apikey",
            "es.net.http.auth.token",
            "es.net.http.header.",
            "es.keystore.pass",
            "es.net.ssl.truststore.pass",
            "es.net.ssl.keystore.pass",
            // handler options may hold the dead-letter client's credentials (client.conf.es.net.http.auth.pass)
            "es.write.rest.error.handler.",
            "es.write.data.error.handler.",
            "es.read.data.error.handler.",
            // the standby's connection settings, its credentials among them
            "es.mirror.standby.");
  }

  @Test
  void defaultTextIsWhatUsersWrite() {
    assertThat(Arrays.asList(
            Keys.NODES.defaultText(), Keys.HTTP_TIMEOUT.defaultText(), Keys.READ_PARTITION_STRATEGY.defaultText(),
            Keys.WRITE_OPERATION.defaultText(), Keys.RESOURCE.defaultText()))
        .containsExactly("localhost", "1m", "pit", "index", "");
  }
}
