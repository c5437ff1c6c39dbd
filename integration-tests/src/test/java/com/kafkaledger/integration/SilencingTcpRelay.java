package com.kafkaledger.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on loopback to a real server, which can make the server go silent on every
 * connection open through it, as when the server's host crashes or the network to it is cut: the
 * server's side of each is gone, and the client hears nothing more on it, not even a reset.
 * Connections opened afterwards are relayed as before, as to a server back at its address.
 */
final class SilencingTcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final String serverHost;
  private final int serverPort;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "silencing-tcp-relay");
    thread.setDaemon(true);
    return thread;
  });

  SilencingTcpRelay(String serverHost, int serverPort) throws IOException {
    this.serverHost = serverHost;
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::accept);
  }

  /** host:port of the relay. */
  String address() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** Every connection open now goes silent for good; later ones are relayed. */
  void silenceOpenConnections() {
    connections.forEach(Connection::silence);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // the relay was closed
      }
      try {
        Connection connection = new Connection(client, new Socket(serverHost, serverPort));
        connections.add(connection);
        threads.execute(() -> connection.relay(connection.client, connection.server));
        threads.execute(() -> connection.relay(connection.server, connection.client));
      } catch (IOException e) {
        closeQuietly(client); // the server refused it: so does the relay
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    connections.forEach(Connection::close);
    threads.shutdownNow();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private final class Connection {

    final Socket client;
    final Socket server;
    private volatile boolean silent;

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    /** Copies one direction until it ends; silent, it drops what the client still sends. */
    void relay(Socket from, Socket to) {
      byte[] buffer = new byte[16_384];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          if (!silent) {
            out.write(buffer, 0, read);
            out.flush();
          }
        }
      } catch (IOException e) {
        // one side closed: the relay ends
      }
      if (!silent || from == client) {
        close(); // a silent connection stays open until its client gives it up
      }
    }

    /** The server's side goes (its sessions end with its host); the client's stays open and mute. */
    void silence() {
      silent = true;
      closeQuietly(server);
    }

    void close() {
      closeQuietly(client);
      closeQuietly(server);
      connections.remove(this);
    }
  }
}
