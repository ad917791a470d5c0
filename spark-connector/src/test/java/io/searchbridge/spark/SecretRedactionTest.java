package io.searchbridge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  @Test
  void sparkRedactionRegexGainsEverySecretKeyAndKeepsItsOwn() {
    SparkConf conf = new SparkConf(false).set("spark.redaction.regex", "(?i)mine");
    SecretRedaction.extend(conf);
    SecretRedaction.extend(conf);

    String regex = conf.get("spark.redaction.regex");
    assertThat(regex).startsWith("(?i)mine|").containsOnlyOnce(SecretRedaction.SECRET_KEYS);
    Pattern pattern = Pattern.compile(regex);
    // Spark looks for the pattern anywhere in the key (findFirstIn), so spark.es.* keys match too.
    for (String key : new String[] {"spark.es.net.http.auth.pass", "spark.es.net.http.auth.apikey",
        "es.net.http.auth.token", "spark.es.net.http.header.Authorization", "spark.es.net.ssl.truststore.pass",
        "spark.es.net.ssl.keystore.pass", "spark.es.keystore.pass", "mine"}) {
      assertThat(pattern.matcher(key).find()).as(key).isTrue();
    }
    assertThat(pattern.matcher("spark.es.nodes").find()).isFalse();
  }

  @Test
  void sparkDefaultIsKeptWhenUnset() {
    SparkConf conf = new SparkConf(false);
    SecretRedaction.extend(conf);
    assertThat(Pattern.compile(conf.get("spark.redaction.regex")).matcher("spark.hadoop.fs.s3a.secret.key").find())
        .isTrue();
  }
}
