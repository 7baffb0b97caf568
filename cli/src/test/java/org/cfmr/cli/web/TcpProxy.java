package org.cfmr.cli.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder in front of the test database: {@link #close} cuts every connection and
 * stops listening (the database "goes down"), {@link #open} listens again on the same port;
 * {@link #forwarded} counts the connections it has passed on.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger forwarded = new AtomicInteger();
  private ServerSocket server;
  private Thread acceptor;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /** How many connections reached the database through this proxy so far. */
  int forwarded() {
    return forwarded.get();
  }

  synchronized void open() throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    ServerSocket listening = server;
    Thread accept = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          sockets.add(client);
          if (listening.isClosed()) {
            closeQuietly(client);  // accepted as the proxy was closing: the database is down
            return;
          }
          Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          sockets.add(target);
          forwarded.incrementAndGet();
          pump(client, target);
          pump(target, client);
        } catch (IOException e) {
          return;
        }
      }
    }, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
    acceptor = accept;
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // a closed side ends the pump
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
    if (acceptor != null) {
      try {
        acceptor.join(10_000);  // no connection slips through once close() has returned
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
