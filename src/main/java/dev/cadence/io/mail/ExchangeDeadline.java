package dev.cadence.io.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * An overall deadline for one SMTP exchange (connecting, greeting, TLS, login and one message). The
 * read timeout bounds each wait for a byte, so a server that trickles its replies one byte at a
 * time would never trip it; this deadline closes the connection's socket when the whole exchange
 * has taken too long, which fails the blocked read or write at once. The sockets are the ones the
 * mail library creates through the factories below, so every connection, with TLS from the start or
 * after STARTTLS, is watched.
 */
final class ExchangeDeadline {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "smtp-deadline");
            t.setDaemon(true);
            return t;
          });

  private Socket socket;
  private long generation;
  private boolean expired;
  private ScheduledFuture<?> pending;

  /** Starts the clock for one exchange; {@link #disarm} stops it. */
  synchronized void arm(Duration limit) {
    long mine = ++generation;
    expired = false;
    pending = TIMER.schedule(() -> expire(mine), limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the clock; true when the deadline passed during the exchange. */
  synchronized boolean disarm() {
    generation++;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    return expired;
  }

  private synchronized void expire(long armed) {
    if (armed != generation || socket == null) {
      return; // the exchange ended in time (or had no connection yet)
    }
    expired = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }

  private synchronized <S extends Socket> S watch(S s) {
    socket = s;
    return s;
  }

  /**
   * Creates the plain sockets (SMTP, before STARTTLS) so that they can be closed at the deadline.
   */
  SocketFactory plainSockets() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return watch(new Socket());
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return watch(new Socket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return watch(new Socket(host, port, local, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return watch(new Socket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return watch(new Socket(host, port, local, localPort));
      }
    };
  }

  /**
   * {@code delegate}, watching the socket under each TLS connection (SMTPS: the library makes a
   * plain socket and has this factory put TLS over it).
   */
  SSLSocketFactory tlsOver(SSLSocketFactory delegate) {
    return new SSLSocketFactory() {
      @Override
      public Socket createSocket(Socket s, String host, int port, boolean autoClose)
          throws IOException {
        watch(s);
        return delegate.createSocket(s, host, port, autoClose);
      }

      @Override
      public Socket createSocket() throws IOException {
        return watch(delegate.createSocket());
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return watch(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return watch(delegate.createSocket(host, port, local, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return watch(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return watch(delegate.createSocket(host, port, local, localPort));
      }

      @Override
      public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
      }

      @Override
      public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
      }
    };
  }
}
