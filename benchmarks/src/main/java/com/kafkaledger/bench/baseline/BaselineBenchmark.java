package com.kafkaledger.bench.baseline;

import com.kafkaledger.localcluster.postgres.PostgresServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part A: the synchronous design the pipeline is compared with, one PostgreSQL transaction per
 * money movement with full durability. Runs the shared pgbench scripts through JDBC, each
 * workload at each client count, in a database reloaded before every run.
 */
public final class BaselineBenchmark {

  /**
   * @param clients the client counts to run each workload with
   * @param warmUp how long each run goes before it is measured
   * @param measured how long each run is measured
   */
  public record Settings(List<Integer> clients, Duration warmUp, Duration measured) {}

  private final Settings settings;

  public BaselineBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Runs every workload against the given PostgreSQL, in its own database {@value BaselineDatabase#NAME}. */
  public List<BaselineResult> run(PostgresServer server) throws SQLException, InterruptedException {
    BaselineDatabase database = new BaselineDatabase(server);
    List<BaselineResult> results = new ArrayList<>();
    database.recreate();
    System.out.println("  " + database.describeServer());
    for (BaselineWorkload workload : BaselineWorkload.values()) {
      Map<Integer, Double> perClients = new LinkedHashMap<>();
      long retries = 0;
      for (int clients : settings.clients()) {
        database.recreate();
        ClosedLoop.Outcome outcome = ClosedLoop.run(workload, database::connect, clients, settings.warmUp(),
            settings.measured());
        database.checkBooks();
        perClients.put(clients, outcome.transactionsPerSecond());
        retries += outcome.retries();
        System.out.printf("  %-22s %-10s %3d clients: %6d tps (%d transactions in %d s%s)%n", workload.movement(),
            workload.style(), clients, Math.round(outcome.transactionsPerSecond()), outcome.transactions(),
            settings.measured().toSeconds(), outcome.retries() == 0 ? "" : ", " + outcome.retries() + " retries");
      }
      BaselineResult result = new BaselineResult(workload, perClients, retries);
      System.out.println(result.line());
      results.add(result);
    }
    return results;
  }
}
