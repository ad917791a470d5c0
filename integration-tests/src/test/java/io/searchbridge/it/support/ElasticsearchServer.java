package io.searchbridge.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Elasticsearch node for tests: either one started by {@code scripts/es.sh} or an external one.
 *
 * <p>Nodes from {@link #start} are stopped by {@link #stop()} or, if a test forgets, by a shutdown hook.
 */
public final class ElasticsearchServer {

  /**
   * The script's own start-up budget is 120 s a node (240 s for the nodes of a cluster, which start
   * together and share the cores) plus as much for a cluster to turn green; the rest covers a
   * first-time unpack of the distribution.
   */
  private static final long START_TIMEOUT_MINUTES = 10;
  private static final long STOP_TIMEOUT_MINUTES = 1;
  private static final Pattern INDEX_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final AtomicInteger INDEX_COUNTER = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI uri;
  private final String name;
  private final Path stateDir;
  private Thread shutdownHook;
  private volatile boolean killed;

  private ElasticsearchServer(String url, String name, Path stateDir) {
    this.uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.name = name;
    this.stateDir = stateDir;
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("Elasticsearch URL needs an explicit host and port: " + url);
    }
  }

  /** A server someone else runs (e.g. {@code SEARCHBRIDGE_ES_URL}); {@link #stop()} leaves it alone. */
  public static ElasticsearchServer external(String url) {
    return new ElasticsearchServer(url, null, null);
  }

  /**
   * Starts (or reuses, if already healthy) the named instance via {@code scripts/es.sh start --name NAME}.
   *
   * @param extraArgs passed through to the script, e.g. {@code "--secure"}, {@code "--heap", "512m"}
   */
  public static ElasticsearchServer start(String name, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("start", "--name", name));
    args.addAll(List.of(extraArgs));
    String stdout = runScript(args, START_TIMEOUT_MINUTES);
    String[] lines = stdout.strip().split("\\R");
    String url = lines[lines.length - 1].strip();
    if (!url.startsWith("http")) {
      throw new IllegalStateException("es.sh start --name " + name + " printed no URL; stdout was: " + stdout);
    }
    ElasticsearchServer server = new ElasticsearchServer(url, name, root().resolve("target/es").resolve(name));
    server.shutdownHook = new Thread(server::stopQuietly, "stop-elasticsearch-" + name);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    return server;
  }

  /** Stops a node this JVM started; a no-op for external servers and when already stopped. */
  public synchronized void stop() {
    if (name == null || shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // We are running inside the hook itself, or the JVM is exiting: stopping is still wanted.
    }
    shutdownHook = null;
    runScript(List.of("stop", "--name", name), STOP_TIMEOUT_MINUTES);
  }

  /**
   * A member of a cluster started with {@code es.sh start --nodes N}: killed and resumed by its own
   * name, stopped with its cluster (whose server's {@link #stop()} stops every member).
   */
  static ElasticsearchServer member(String name) {
    Path stateDir = root().resolve("target/es").resolve(name);
    try {
      return new ElasticsearchServer(Files.readString(stateDir.resolve("url")).strip(), name, stateDir);
    } catch (IOException e) {
      throw new IllegalStateException("cluster member '" + name + "' has no url in " + stateDir, e);
    }
  }

  /**
   * Kills the node with SIGKILL, keeping its data, port and settings for {@link #resume()}: a server
   * that crashes in the middle of a job, with no chance to finish requests or close connections.
   */
  public void kill() {
    requireStateDir();
    runScript(List.of("kill", "--name", name), STOP_TIMEOUT_MINUTES);
    killed = true;
  }

  /** False between {@link #kill()} and {@link #resume()}. */
  public boolean isUp() {
    return !killed;
  }

  /** Starts a node killed by {@link #kill()} again, on the same port with the same data. */
  public void resume() {
    requireStateDir();
    String stdout = runScript(List.of("resume", "--name", name), START_TIMEOUT_MINUTES).strip();
    if (!stdout.endsWith(url())) {
      throw new IllegalStateException("es.sh resume --name " + name + " came back at another URL: " + stdout);
    }
    killed = false;
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("Could not stop Elasticsearch '" + name + "': " + e.getMessage());
    }
  }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:19234}. */
  public String url() {
    return uri.toString();
  }

  /** The es.sh instance name, which is also the node's name; null for external servers. */
  public String name() {
    return name;
  }

  public String host() {
    return uri.getHost();
  }

  public int port() {
    return uri.getPort();
  }

  public boolean isSecure() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  /** A fresh index name per call, so tests sharing one cluster never see each other's data. */
  public String uniqueIndex(String prefix) {
    String lower = prefix.toLowerCase(Locale.ROOT);
    if (!INDEX_PREFIX.matcher(lower).matches()) {
      throw new IllegalArgumentException(
          "index prefix must match " + INDEX_PREFIX.pattern() + " after lower-casing: '" + prefix + "'");
    }
    String suffix = Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36);
    return lower + "-" + INDEX_COUNTER.incrementAndGet() + "-" + suffix;
  }

  /** The basic-auth user of a {@code --secure} instance. */
  public String user() {
    return readState("user");
  }

  /** The basic-auth password of a {@code --secure} instance. */
  public String password() {
    return readState("password");
  }

  /** The PEM file of the CA that {@code es.sh --secure} generated for this instance. */
  public Path caCertificate() {
    return requireStateDir().resolve("ca.pem");
  }

  /** A PKCS12 truststore holding that CA; its password is {@link #truststorePassword()}. */
  public Path truststore() {
    return requireStateDir().resolve("truststore.p12");
  }

  public String truststorePassword() {
    return readState("truststore.password");
  }

  /** Trusts exactly the CA that {@code es.sh --secure} generated for this instance. */
  public SSLContext sslContext() {
    Path truststore = truststore();
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, truststorePassword().toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load truststore " + truststore + " of Elasticsearch '" + name + "'", e);
    }
  }

  private String readState(String file) {
    Path path = requireStateDir().resolve(file);
    try {
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + path + "; was Elasticsearch '" + name + "' started with --secure?", e);
    }
  }

  private Path requireStateDir() {
    if (stateDir == null) {
      throw new IllegalStateException("external server " + uri + " has no es.sh state (credentials, truststore)");
    }
    return stateDir;
  }

  /**
   * The checkout root: system property {@code searchbridge.root} (set by failsafe), else the nearest
   * ancestor of the working directory holding {@code scripts/es.sh} (for runs from an IDE).
   */
  static Path root() {
    String configured = System.getProperty("searchbridge.root");
    if (configured != null && !configured.isBlank()) {
      Path root = Paths.get(configured).toAbsolutePath();
      if (Files.isRegularFile(root.resolve("scripts/es.sh"))) {
        return root;
      }
      throw new IllegalStateException("searchbridge.root=" + configured + " has no scripts/es.sh");
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/es.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no scripts/es.sh above " + Paths.get("").toAbsolutePath() + "; set -Dsearchbridge.root=<checkout>");
  }

  /** Runs es.sh, its stderr going straight to ours so start-up failures show in the test output. */
  static String runScript(List<String> args, long timeoutMinutes) {
    Path root = root();
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/es.sh").toString()));
    command.addAll(args);
    String commandLine = String.join(" ", command);
    Path stdout = null;
    try {
      // A file, not a pipe, so a hanging script cannot block us past the timeout.
      stdout = Files.createTempFile("es-sh-", ".out");
      Process process = new ProcessBuilder(command)
          .directory(root.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(stdout.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(commandLine + " did not finish within " + timeoutMinutes + " min");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            commandLine + " failed with exit code " + process.exitValue() + " (its stderr is above)");
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + commandLine, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + commandLine, e);
    } finally {
      if (stdout != null) {
        try {
          Files.deleteIfExists(stdout);
        } catch (IOException ignored) {
          // A stray temp file is not worth failing a test over.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Elasticsearch " + (name == null ? "(external) " : "'" + name + "' ") + uri;
  }
}
