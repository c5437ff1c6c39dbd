package com.kafkaledger.localcluster.service;

import com.kafkaledger.localcluster.process.ChildProcess;
import com.kafkaledger.localcluster.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One service running as {@code java -jar <module>-exec.jar}, configured through its environment. */
public final class ServiceProcess {

  private final ChildProcess process;
  private final int port;

  private ServiceProcess(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the service's jar with {@code jvmOptions} (its heap, for one); {@code name} tells
   * instances of one service apart in messages.
   */
  public static ServiceProcess start(LedgerService service, String name, Path projectRoot, int port,
      List<String> jvmOptions, Map<String, String> environment, Path logFile) throws IOException {
    ChildProcess process = ChildProcess.start(name,
        JavaCommand.executableJar(jvmOptions, service.executableJar(projectRoot)), environment, logFile);
    return new ServiceProcess(process, port);
  }

  public boolean isReady() {
    return HttpHealthProbe.isReady(port);
  }

  public ChildProcess process() {
    return process;
  }
}
