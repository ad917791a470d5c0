package io.searchbridge.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of the benchmark's Elasticsearch, for the official connector only:
 * it calls {@code GET /} on start-up, which the integ-test distribution answers with 405 (it lacks the
 * module). The proxy answers {@code GET /} itself with the server's real name, cluster and version,
 * and forwards every other request byte for byte over one upstream connection per client
 * connection, so keep-alive works on both sides. Requests are parsed only to find where each ends;
 * responses are piped unparsed (HTTP/1.1 clients wait for a response before the next request).
 * JDK only. Usage: {@code VersionProxy <elasticsearch-url> <port-file>}; the chosen port is written to the file.
 */
public final class VersionProxy {

  private static final int MAX_HEAD = 64 * 1024;

  private final String host;
  private final int port;
  private final byte[] rootAnswer;

  private VersionProxy(URI upstream, byte[] rootAnswer) {
    this.host = upstream.getHost();
    this.port = upstream.getPort();
    this.rootAnswer = rootAnswer;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: VersionProxy <elasticsearch-url> <port-file>");
      System.exit(2);
    }
    URI upstream = URI.create(args[0]);
    VersionProxy proxy = new VersionProxy(upstream, rootAnswer(args[0]));
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path portFile = Path.of(args[1]);
      Path tmp = Files.writeString(Path.of(args[1] + ".tmp"), Integer.toString(server.getLocalPort()));
      // Moved into place whole, so that the script never reads half a port number.
      Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      while (true) {
        Socket client = server.accept();
        Thread thread = new Thread(() -> proxy.serve(client), "proxy-" + client.getPort());
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  /** What a full distribution answers to {@code GET /}, filled from the server's own {@code _nodes} and state. */
  private static byte[] rootAnswer(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String nodes = get(http, url + "/_nodes/_local?filter_path=cluster_name,nodes.*.name,nodes.*.version");
    String state = get(http, url + "/_cluster/state/metadata?filter_path=metadata.cluster_uuid");
    String json = String.format("{\"name\":\"%s\",\"cluster_name\":\"%s\",\"cluster_uuid\":\"%s\",\"version\":{"
            + "\"number\":\"%s\",\"build_flavor\":\"default\",\"build_type\":\"zip\",\"build_snapshot\":false,"
            + "\"minimum_wire_compatibility_version\":\"7.17.0\",\"minimum_index_compatibility_version\":\"7.0.0\"},"
            + "\"tagline\":\"You Know, for Search\"}",
        find(nodes, "name"), find(nodes, "cluster_name"), find(state, "cluster_uuid"), find(nodes, "version"));
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-elastic-product: Elasticsearch\r\n"
        + "content-length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    answer.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    answer.writeBytes(body);
    return answer.toByteArray();
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).body();
  }

  private static String find(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return m.group(1);
  }

  private void serve(Socket client) {
    try (client; Socket upstream = new Socket(host, port)) {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      InputStream requests = new BufferedInputStream(client.getInputStream());
      OutputStream toClient = client.getOutputStream();
      OutputStream toServer = new BufferedOutputStream(upstream.getOutputStream());
      Thread responses = new Thread(() -> pipe(upstream, client, toClient), "proxy-responses-" + client.getPort());
      responses.setDaemon(true);
      responses.start();
      for (byte[] head = readHead(requests); head != null; head = readHead(requests)) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("GET / ") || text.startsWith("GET /?")) {
          copyBody(text, requests, OutputStream.nullOutputStream());
          synchronized (toClient) {
            toClient.write(rootAnswer);
            toClient.flush();
          }
        } else {
          toServer.write(head);
          copyBody(text, requests, toServer);
          toServer.flush();
        }
      }
    } catch (IOException e) {
      // The client or the server closed the connection: nothing to clean up beyond the sockets.
    }
  }

  private static void pipe(Socket upstream, Socket client, OutputStream toClient) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = upstream.getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (toClient) {
          toClient.write(buffer, 0, n);
          toClient.flush();
        }
      }
      client.shutdownOutput();
    } catch (IOException e) {
      // Closed from the other side.
    }
  }

  /** The request line and headers up to and including the empty line; null at the end of the stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head over " + MAX_HEAD + " bytes");
      }
    }
    if (head.size() > 0) {
      throw new IOException("connection closed inside a request head");
    }
    return null;
  }

  /** Copies the request's body, framed by content-length or chunked transfer encoding, unchanged. */
  private static void copyBody(String head, InputStream in, OutputStream out) throws IOException {
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("\r\ntransfer-encoding: chunked")) {
      while (true) {
        String sizeLine = copyLine(in, out);
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
          while (!copyLine(in, out).isEmpty()) {
            // trailers
          }
          return;
        }
        copy(in, out, size + 2L); // the chunk and its CRLF
      }
    }
    Matcher length = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(lower);
    if (length.find()) {
      copy(in, out, Long.parseLong(length.group(1)));
    }
  }

  /** Copies one CRLF-terminated line and returns it without the CRLF. */
  private static String copyLine(InputStream in, OutputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      out.write(b);
      if (b == '\n') {
        return line.toString().strip();
      }
      line.append((char) b);
    }
    throw new IOException("connection closed inside a chunked body");
  }

  private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (long left = bytes; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("connection closed inside a request body");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
