package com.kafkaledger.localcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Ports nobody listens on right now, so that a benchmark or the bank test never collides with ./run-local or tests. */
public final class FreePorts {

  /**
   * Every port handed out by this JVM. The system may give a just-closed ephemeral port again
   * before whoever got it first has bound it: two servers of one cluster then got the same port.
   */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();
  private static final int ATTEMPTS = 100;

  private FreePorts() {}

  public static synchronized int next() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = unusedNow();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("the system offered only ports already handed out, " + ATTEMPTS + " times");
  }

  private static int unusedNow() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback address", e);
    }
  }
}
