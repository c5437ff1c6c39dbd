package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.gateway.idempotency.RecentSubmissions.Submission;
import com.kafkaledger.gateway.ledger.CommandPublisher;
import com.kafkaledger.gateway.ledger.LedgerUnavailableException;
import com.kafkaledger.gateway.view.ViewClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Publishes a command once per transaction id: a retry of an accepted request returns what the
 * first one got, a different request under the same key is refused, and only a request nobody
 * has seen is published. What this instance accepted lately and the view answer most retries; an
 * id neither knows is claimed in the table every instance shares before it is published. Works on
 * batches, so that many submissions cost one read of the view, one claim and one round of broker
 * acknowledgements.
 */
@Component
public class Submissions {

  private final RecentSubmissions recent;
  private final ViewClient view;
  private final IdempotencyClaims claims;
  private final CommandPublisher publisher;
  private final MeterRegistry registry;
  /**
   * The fingerprints of the transactions being checked and published right now, by id: two
   * requests racing under one key reach neither the view nor the recent submissions before both
   * are published, and with different bodies they could debit two accounts under one id.
   */
  private final Map<String, String> inProgress = new ConcurrentHashMap<>();

  Submissions(RecentSubmissions recent, ViewClient view, IdempotencyClaims claims, CommandPublisher publisher,
      MeterRegistry registry) {
    this.recent = recent;
    this.view = view;
    this.claims = claims;
    this.publisher = publisher;
    this.registry = registry;
  }

  /**
   * A movement to publish once.
   *
   * @param retryable whether the client sent an Idempotency-Key (else the id is random, never seen)
   * @param pendingView how the transaction looks until the ledger decides it
   */
  public record NewTransaction(LedgerCommand command, boolean retryable, PendingView pendingView) {}

  /** What became of one submission: the transaction as clients see it now, or why it was refused. */
  public record Submitted(Map<String, Object> current, RuntimeException refusal) {

    static Submitted refused(RuntimeException refusal) {
      return new Submitted(null, refusal);
    }

    public Map<String, Object> currentOrThrow() {
      if (refusal != null) {
        throw refusal;
      }
      return current;
    }
  }

  /** One submission; its refusal is thrown. */
  public Map<String, Object> submit(NewTransaction transaction) {
    return submitAll(List.of(transaction)).get(0).currentOrThrow();
  }

  public Map<String, Object> submit(LedgerCommand command, boolean retryable, PendingView pendingView) {
    return submit(new NewTransaction(command, retryable, pendingView));
  }

  /**
   * Many submissions, each answered on its own and in order. A transaction id that comes twice is a
   * retry within the batch: published once, and the later one answered like the first (or refused
   * if its request differs).
   *
   * @throws com.kafkaledger.gateway.view.ViewUnavailableException if earlier submissions cannot be
   *     checked; then nothing was published
   * @throws ClaimsUnavailableException if new ids cannot be claimed; then nothing was published
   */
  public List<Submitted> submitAll(List<NewTransaction> transactions) {
    Map<String, Map<String, Object>> inView = view.transactionsWithFingerprint(retryableIds(transactions));
    List<Submitted> answers = new ArrayList<>(transactions.size());
    Map<String, Integer> firstInBatch = new HashMap<>();
    List<Integer> toPublish = new ArrayList<>();
    Map<Integer, Earlier> toClaim = new LinkedHashMap<>();
    List<String> reserved = new ArrayList<>();
    try {
      for (int i = 0; i < transactions.size(); i++) {
        NewTransaction transaction = transactions.get(i);
        answers.add(null);
        if (!transaction.retryable()) {
          toPublish.add(i);
          continue;
        }
        String id = transaction.command().transactionId();
        if (firstInBatch.putIfAbsent(id, i) != null) {
          continue; // answered below, once the first one's fate is known
        }
        try {
          reserve(transaction.command(), reserved);
          Earlier earlier = earlier(transaction.command(), inView.get(id));
          if (earlier.fingerprint() != null) {
            countReplay();
            answers.set(i, new Submitted(earlier.current(), null));
          } else {
            toClaim.put(i, earlier);
          }
        } catch (IdempotencyConflictException e) {
          answers.set(i, Submitted.refused(e));
        }
      }
      claim(transactions, toClaim, toPublish, answers);
      publish(transactions, toPublish, answers);
      answerRepeats(transactions, firstInBatch, inView, answers);
      return answers;
    } finally {
      // by now each accepted one is in the recent submissions
      reserved.forEach(inProgress::remove);
    }
  }

  /**
   * Holds the transaction's id while this request checks and publishes it; refused if another
   * request is doing so with a different body. The same body may go on: its publishing is
   * idempotent (one account, one id, decided once).
   */
  private void reserve(LedgerCommand command, List<String> reserved) {
    String fingerprint = Objects.requireNonNullElse(command.fingerprint(), "");
    String held = inProgress.putIfAbsent(command.transactionId(), fingerprint);
    if (held == null) {
      reserved.add(command.transactionId());
    } else if (!held.equals(fingerprint)) {
      throw new IdempotencyConflictException(command.transactionId());
    }
  }

  /**
   * Claims the ids whose earlier request neither this instance nor the view knows, in the table all
   * instances share. A reuse of the key is refused; the others are published, or replayed if the
   * view holds the transaction already (a row written from its outcome, without the request's
   * fingerprint).
   */
  private void claim(List<NewTransaction> transactions, Map<Integer, Earlier> unknown, List<Integer> toPublish,
      List<Submitted> answers) {
    Set<String> reused = claims.claim(unknown.keySet().stream().map(i -> transactions.get(i).command()).toList());
    unknown.forEach((i, earlier) -> {
      String id = transactions.get(i).command().transactionId();
      if (reused.contains(id)) {
        answers.set(i, Submitted.refused(new IdempotencyConflictException(id)));
      } else if (earlier.current() != null) {
        countReplay();
        answers.set(i, new Submitted(earlier.current(), null));
      } else {
        toPublish.add(i);
      }
    });
    toPublish.sort(null); // in the batch's order, as a client sending them one by one would
  }

  private static Set<String> retryableIds(List<NewTransaction> transactions) {
    Set<String> ids = new LinkedHashSet<>();
    transactions.stream().filter(NewTransaction::retryable)
        .forEach(transaction -> ids.add(transaction.command().transactionId()));
    return ids;
  }

  private void publish(List<NewTransaction> transactions, List<Integer> indexes, List<Submitted> answers) {
    List<LedgerCommand> commands = indexes.stream().map(i -> transactions.get(i).command()).toList();
    List<LedgerUnavailableException> failures = publisher.publishAll(commands);
    for (int n = 0; n < indexes.size(); n++) {
      NewTransaction transaction = transactions.get(indexes.get(n));
      if (failures.get(n) != null) {
        answers.set(indexes.get(n), Submitted.refused(failures.get(n)));
        continue;
      }
      LedgerCommand command = transaction.command();
      recent.remember(new Submission(command.transactionId(), command.fingerprint(), command.initiatorId(),
          transaction.pendingView()));
      answers.set(indexes.get(n), new Submitted(transaction.pendingView().asMap(), null));
    }
  }

  private void answerRepeats(List<NewTransaction> transactions, Map<String, Integer> firstInBatch,
      Map<String, Map<String, Object>> inView, List<Submitted> answers) {
    for (int i = 0; i < transactions.size(); i++) {
      if (answers.get(i) != null) {
        continue;
      }
      LedgerCommand repeat = transactions.get(i).command();
      int first = firstInBatch.get(repeat.transactionId());
      if (Objects.equals(transactions.get(first).command().fingerprint(), repeat.fingerprint())) {
        if (answers.get(first).refusal() == null) {
          countReplay();
        }
        answers.set(i, answers.get(first));
      } else {
        answers.set(i, differentRepeat(repeat, answers.get(first), inView.get(repeat.transactionId())));
      }
    }
  }

  /**
   * A repeat whose body differs from the first with its key in this batch. If that first one was
   * refused for differing from the stored original, the repeat is judged against that original
   * (and replayed if it matches); otherwise it conflicts with that first one. An original known
   * only from the claims (another instance's, not yet in the view) is not at hand: the repeat is
   * refused too, and a matching one sent again is published.
   */
  private Submitted differentRepeat(LedgerCommand repeat, Submitted first, Map<String, Object> inView) {
    if (first.refusal() instanceof IdempotencyConflictException) {
      try {
        Earlier original = earlier(repeat, inView);
        if (original.fingerprint() != null) {
          countReplay();
          return new Submitted(original.current(), null);
        }
      } catch (IdempotencyConflictException e) {
        return Submitted.refused(e);
      }
    }
    return Submitted.refused(new IdempotencyConflictException(repeat.transactionId()));
  }

  private void countReplay() {
    registry.counter("ledger.gateway.idempotent.replays").increment();
  }

  /**
   * What this instance and the view know of an earlier submission under this id.
   *
   * @param fingerprint its request's, null if unknown (never seen, or a view row written from the
   *     outcome)
   * @param current the transaction as clients see it now, null if never seen
   */
  private record Earlier(String fingerprint, Map<String, Object> current) {}

  /** What is known of this id's earlier submission; refused if that was another request. */
  private Earlier earlier(LedgerCommand command, Map<String, Object> inView) {
    Optional<Submission> local = recent.find(command.transactionId());
    String earlierFingerprint = local.map(Submission::fingerprint)
        .orElse(inView == null ? null : (String) inView.get("fingerprint"));
    if (earlierFingerprint != null && !earlierFingerprint.equals(command.fingerprint())) {
      throw new IdempotencyConflictException(command.transactionId());
    }
    if (inView != null) {
      Map<String, Object> visible = new HashMap<>(inView);
      visible.remove("fingerprint");
      visible.remove("initiatorId");
      return new Earlier(earlierFingerprint, visible);
    }
    return new Earlier(earlierFingerprint, local.map(submission -> submission.pendingView().asMap()).orElse(null));
  }
}
