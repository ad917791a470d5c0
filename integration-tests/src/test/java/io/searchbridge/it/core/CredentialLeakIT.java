package io.searchbridge.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.config.Settings;
import io.searchbridge.it.support.ElasticsearchServer;
import io.searchbridge.it.support.LogCapture;
import io.searchbridge.it.support.SecureServer;
import io.searchbridge.it.support.SharedSpark;
import io.searchbridge.spark.rdd.JavaSearchbridgeSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.Test;

/**
 * Runs reads, writes and failing logins through connector-core and Spark with known secrets, keeps
 * every text a user or operator could see (log lines at debug for the connector, exception messages
 * and stack traces, {@code explain()} output, the plans and changed settings the Spark UI's SQL tab
 * shows) and greps all of it for the secrets.
 */
class CredentialLeakIT {

  private final List<String> seen = new CopyOnWriteArrayList<>();

  @Test
  void noSecretAppearsInLogsErrorsPlansOrTheSparkUi() throws Exception {
    ElasticsearchServer secure = SecureServer.get();
    String token = SecureServer.bearerToken();
    String wrongPassword = "wrong-pass-" + System.nanoTime();
    String apiKey = Base64.getEncoder().encodeToString(("leak-id:leak-key-" + System.nanoTime()).getBytes(
        StandardCharsets.UTF_8));
    String keystorePassword = "keystore-pass-" + System.nanoTime();
    List<String> secrets = List.of(secure.password(), token, wrongPassword, apiKey, keystorePassword,
        secure.truststorePassword(), basic(secure.user(), secure.password()), basic(secure.user(), wrongPassword));

    SparkSession spark = SharedSpark.session();
    SqlUiEvents ui = new SqlUiEvents();
    spark.sparkContext().addSparkListener(ui);
    try (LogCapture log = LogCapture.open(Level.DEBUG)) {
      coreOperations(secure, token, wrongPassword, apiKey, keystorePassword);
      sparkOperations(spark, secure, token, wrongPassword);
      spark.sparkContext().listenerBus().waitUntilEmpty();
      seen.addAll(log.lines());
    } finally {
      spark.sparkContext().removeSparkListener(ui);
    }
    seen.addAll(ui.texts);

    assertThat(seen).as("captured texts").hasSizeGreaterThan(20);
    assertThat(String.join("\n", seen)).as("captured texts").contains("401", "explain", "Elasticsearch [");
    for (String text : seen) {
      for (String secret : secrets) {
        assertThat(text).as("a captured text holds a secret").doesNotContain(secret);
      }
    }
  }

  private void coreOperations(ElasticsearchServer secure, String token, String wrongPassword, String apiKey,
      String keystorePassword) {
    Map<String, String> basic = tls(secure);
    basic.put("es.net.http.auth.user", secure.user());
    basic.put("es.net.http.auth.pass", secure.password());
    basic.put("es.net.ssl.truststore.location", secure.truststore().toString());
    basic.put("es.net.ssl.truststore.pass", secure.truststorePassword());
    basic.remove("es.net.ssl.ca.location");
    writeAndRead(Settings.of(basic), secure.uniqueIndex("leak-basic"));
    seen.add(Settings.of(basic).toString());

    Map<String, String> bearer = tls(secure);
    bearer.put("es.net.http.auth.token", token);
    writeAndRead(Settings.of(bearer), secure.uniqueIndex("leak-token"));

    Map<String, String> wrong = new HashMap<>(basic);
    wrong.put("es.net.http.auth.pass", wrongPassword);
    failing(() -> writeAndRead(Settings.of(wrong), "leak-never-written"));

    Map<String, String> key = tls(secure);
    key.put("es.net.http.auth.apikey", apiKey);
    failing(() -> writeAndRead(Settings.of(key), "leak-never-written"));

    Map<String, String> header = tls(secure);
    header.put("es.net.http.header.Authorization", "ApiKey " + apiKey);
    failing(() -> writeAndRead(Settings.of(header), "leak-never-written"));

    Map<String, String> keystore = tls(secure);
    keystore.put("es.net.ssl.keystore.location", "/no/such/keystore.p12");
    keystore.put("es.net.ssl.keystore.pass", keystorePassword);
    failing(() -> writeAndRead(Settings.of(keystore), "leak-never-written"));

    failing(() -> Settings.of(Map.of("es.net.http.auth.pass", wrongPassword + "\n")));
  }

  private void sparkOperations(SparkSession spark, ElasticsearchServer secure, String token, String wrongPassword) {
    Map<String, String> options = tls(secure);
    options.put("es.net.http.auth.user", secure.user());
    options.put("es.net.http.auth.pass", secure.password());
    String index = secure.uniqueIndex("leak-spark");
    Dataset<Row> rows = spark.range(0, 50, 1, 2).selectExpr("id", "concat('n', id) AS name");
    rows.write().format("searchbridge").options(options).mode("append").save(index);
    Dataset<Row> read = spark.read().format("searchbridge").options(options).load(index).filter("id > 10");
    assertThat(read.count()).isEqualTo(39);
    seen.add("explain " + read.queryExecution().explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$));
    seen.add(read.queryExecution().toString());

    // Credentials in the session's configuration, as users of spark.es.* settings put them.
    spark.conf().set("spark.es.net.http.auth.user", secure.user());
    spark.conf().set("spark.es.net.http.auth.pass", secure.password());
    try {
      Map<String, String> noAuth = tls(secure);
      assertThat(spark.read().format("searchbridge").options(noAuth).load(index).count()).isEqualTo(50);
    } finally {
      spark.conf().unset("spark.es.net.http.auth.user");
      spark.conf().unset("spark.es.net.http.auth.pass");
    }

    Map<String, String> wrong = new HashMap<>(options);
    wrong.put("es.net.http.auth.pass", wrongPassword);
    failing(() -> rows.write().format("searchbridge").options(wrong).mode("append").save(index));
    failing(() -> spark.read().format("searchbridge").options(wrong).load(index).count());

    Map<String, String> rddConfig = tls(secure);
    rddConfig.put("es.net.http.auth.token", token);
    JavaSearchbridgeSpark.saveJsonToEs(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(List.of("{\"id\":1}", "{\"id\":2}"), 1), secure.uniqueIndex("leak-rdd"), rddConfig);
  }

  private static void writeAndRead(Settings settings, String index) {
    try (EsClient client = CoreFixtures.client(settings)) {
      CoreFixtures.writeNumbered(client, settings, index, 20);
      assertThat(CoreFixtures.readIndex(client, settings, index)).hasSize(20);
    }
  }

  /** Runs something that must fail and keeps what the failure shows. */
  private void failing(Runnable action) {
    Throwable error = catchThrowable(action::run);
    assertThat(error).isNotNull();
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    seen.add(trace.toString());
  }

  private static Map<String, String> tls(ElasticsearchServer secure) {
    Map<String, String> settings = new HashMap<>();
    settings.put("es.nodes", secure.url());
    settings.put("es.net.ssl", "true");
    settings.put("es.net.ssl.ca.location", secure.caCertificate().toString());
    settings.put("es.http.retries", "0");
    return settings;
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** What the SQL tab of the Spark UI shows of each query: its plan and the settings it changed. */
  private static final class SqlUiEvents extends SparkListener {
    final List<String> texts = new ArrayList<>();

    @Override
    public synchronized void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionStart start) {
        texts.add(start.description() + "\n" + start.details() + "\n" + start.physicalPlanDescription() + "\n"
            + start.modifiedConfigs());
      }
    }
  }
}
