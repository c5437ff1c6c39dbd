package com.kafkaledger.localcluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** Finds the ports something else already listens on, before anything is started. */
final class PortAvailability {

  private PortAvailability() {}

  /** The purposes (see {@link LocalClusterSettings.Ports#byPurpose}) whose port is taken on 127.0.0.1. */
  static List<String> taken(Map<Integer, String> purposesByPort) {
    return purposesByPort.entrySet().stream()
        .filter(entry -> !isFree(entry.getKey()))
        .map(entry -> entry.getValue() + ": port " + entry.getKey() + " is in use")
        .toList();
  }

  // Binding fails too when another program listens on the port on every interface (0.0.0.0).
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }
}
