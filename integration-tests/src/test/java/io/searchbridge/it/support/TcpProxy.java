package io.searchbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of one server, for faults a stopped process cannot produce: it
 * forwards, cuts every connection once a number of response bytes went through (a node dying in
 * the middle of an answer), or stalls responses (a node that hangs). It also tells which requests
 * never got an answer: a connection is awaiting one from the moment request bytes go through until
 * response bytes come back, which for HTTP/1.1 without pipelining (what the connector sends) is one
 * request. Plain blocking sockets, two threads per connection; test traffic is small.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger cut = new AtomicInteger();
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
      Socket client = null;
      try {
        client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        open.add(client);
        open.add(server);
        Exchange exchange = new Exchange();
        pump(client, server, false, exchange);
        pump(server, client, true, exchange);
      } catch (IOException e) {
        // the listener was closed, or the target refused: the client sees a dropped connection at once
        if (client != null) {
          closeQuietly(client);
        }
      }
    }
  }

  /** Whether the connection's last bytes were a request's, i.e. it waits for an answer. */
  private final class Exchange {
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

  private void pump(Socket from, Socket to, boolean response, Exchange exchange) {
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
          int allowed = response ? (int) Math.min(read, responseBytesBeforeCut - forwarded) : read;
          if (!response) {
            exchange.requestBytes();
          }
          out.write(buffer, 0, allowed);
          out.flush();
          if (response && allowed > 0) {
            exchange.responseBytes();
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
          exchange.serverGone();
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

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing is best effort: the socket may already be gone
    }
  }
}
