package io.searchbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of one server, for faults a stopped process cannot produce: it
 * forwards, cuts every connection once a number of response bytes went through (a node dying in
 * the middle of an answer), stalls responses (a node that hangs), or lets chosen requests through
 * and drops their answers (a request the server carried out whose answer was lost). It also tells
 * which requests never got an answer: a connection is awaiting one from the moment request bytes go
 * through until response bytes come back, which for HTTP/1.1 without pipelining (what the connector
 * sends) is one request. Plain blocking sockets, two threads per connection; test traffic is small.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger cut = new AtomicInteger();
  private final AtomicInteger answersToDrop = new AtomicInteger();
  private final AtomicInteger answersDropped = new AtomicInteger();
  private volatile String dropMarker;
  private final AtomicInteger awaiting = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private volatile long responseBytesBeforeCut = Long.MAX_VALUE;
  private volatile boolean stalled;

  private TcpProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on an ephemeral port of {@code bindAddress} (a loopback address) and forwards to the target. */
  public static TcpProxy start(String bindAddress, String targetHost, int targetPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(bindAddress));
      return new TcpProxy(listener, new InetSocketAddress(targetHost, targetPort));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bindAddress, e);
    }
  }

  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Closes each connection after it carried this many response bytes, usually in the middle of an answer. */
  public TcpProxy cutResponsesAfter(long bytes) {
    responseBytesBeforeCut = bytes;
    return this;
  }

  /** Stops passing on responses (requests still go through), as a hanging node would. */
  public TcpProxy stall() {
    stalled = true;
    return this;
  }

  /**
   * For the next {@code times} requests whose bytes contain {@code requestMarker} (e.g. {@code "POST /_bulk"}
   * or {@code "\"search_after\""}): forwards the request, waits until the server's answer starts
   * arriving, so the server did carry the request out, then closes both sockets without passing
   * on a byte of that answer. Replaces an earlier marker. The client only sees a lost connection.
   */
  public TcpProxy dropAnswerTo(String requestMarker, int times) {
    dropMarker = requestMarker;
    answersToDrop.set(times);
    return this;
  }

  /** Answers {@link #dropAnswerTo} kept from the client. */
  public int answersDropped() {
    return answersDropped.get();
  }

  /** Connections this proxy cut in the middle of a response. */
  public int connectionsCut() {
    return cut.get();
  }

  /** Requests sent to the server that have not had a byte of answer yet: requests in flight now. */
  public int requestsAwaitingAnswer() {
    return awaiting.get();
  }

  /** Requests whose connection ended before any byte of answer: the server was killed (or the client gave up). */
  public int requestsLeftUnanswered() {
    return unanswered.get();
  }

  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(TcpProxy::closeQuietly);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        open.add(client);
        open.add(server);
        Connection connection = new Connection();
        pump(client, server, connection, false);
        pump(server, client, connection, true);
      } catch (IOException e) {
        // the listener was closed, or the target refused: the client sees a dropped connection
      }
    }
  }

  /**
   * What the two pumps of one connection share. Clients send the next request on a connection only
   * after the previous answer ended (no pipelining), so the answer after a marked request is its own.
   */
  private final class Connection {
    volatile boolean dropNextAnswer;
    /** The end of the request bytes so far, so that a marker split between two reads is still found. */
    String requestTail = "";
    /** Whether the connection's last bytes were a request's, i.e. it waits for an answer. */
    private boolean awaitingAnswer;

    synchronized void requestBytes() {
      if (!awaitingAnswer) {
        awaitingAnswer = true;
        awaiting.incrementAndGet();
      }
    }

    synchronized void responseBytes() {
      if (awaitingAnswer) {
        awaitingAnswer = false;
        awaiting.decrementAndGet();
      }
    }

    /** The server side ended; a request still waiting will never be answered. */
    synchronized void serverGone() {
      if (awaitingAnswer) {
        responseBytes();
        unanswered.incrementAndGet();
      }
    }
  }

  private void pump(Socket from, Socket to, Connection connection, boolean response) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      long forwarded = 0;
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        while (true) {
          while (response && stalled && !from.isClosed()) {
            Thread.sleep(50);
          }
          int read = in.read(buffer);
          if (read < 0) {
            break;
          }
          if (!response && marksAnswerToDrop(connection, buffer, read)) {
            // flagged before the request goes out, so the answer can never overtake the flag
            connection.dropNextAnswer = true;
          }
          if (response && connection.dropNextAnswer) {
            // answered by the server, lost on the way: not a request the server left unanswered
            connection.responseBytes();
            answersDropped.incrementAndGet();
            break;
          }
          int allowed = response ? (int) Math.min(read, responseBytesBeforeCut - forwarded) : read;
          if (!response) {
            connection.requestBytes();
          }
          out.write(buffer, 0, allowed);
          out.flush();
          if (response && allowed > 0) {
            connection.responseBytes();
          }
          forwarded += allowed;
          if (allowed < read) {
            cut.incrementAndGet();
            break;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the other side went away; closing both ends below tells its peer
      } finally {
        if (response) {
          connection.serverGone();
        }
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-pump-" + from.getPort());
    thread.setDaemon(true);
    thread.start();
  }

  private boolean marksAnswerToDrop(Connection connection, byte[] buffer, int read) {
    String marker = dropMarker;
    if (marker == null) {
      return false;
    }
    String seen = connection.requestTail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
    connection.requestTail = seen.substring(Math.max(0, seen.length() - marker.length() + 1));
    if (!seen.contains(marker)) {
      return false;
    }
    connection.requestTail = "";
    return answersToDrop.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is best effort: the socket may already be gone
    }
  }
}
