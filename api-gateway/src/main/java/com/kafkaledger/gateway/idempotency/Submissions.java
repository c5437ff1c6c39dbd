package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.gateway.idempotency.IdempotencyClaims.Claim;
import com.kafkaledger.gateway.idempotency.RecentSubmissions.Submission;
import com.kafkaledger.gateway.ledger.CommandPublisher;
import com.kafkaledger.gateway.ledger.LedgerUnavailableException;
import com.kafkaledger.gateway.view.ViewClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Publishes a command once per transaction id: a retry of an accepted request returns what the
 * first one got, a different request under the same key is refused, and only a request nobody
 * has seen is published. An id this instance did not accept lately is claimed, with its
 * request's fingerprint, in the table every instance shares before it is published. Works on
 * batches, so that many submissions cost one claim and one round of broker acknowledgements (and
 * one read of the view if some are retries).
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
   * <p>An id this instance did not accept lately is claimed first; only an id submitted before
   * (a retry, rare) costs a read of the view, for the transaction as it stands now.
   *
   * @throws com.kafkaledger.gateway.view.ViewUnavailableException if a retry cannot be answered;
   *     then nothing was published
   * @throws ClaimsUnavailableException if new ids cannot be claimed; then nothing was published
   */
  public List<Submitted> submitAll(List<NewTransaction> transactions) {
    List<Submitted> answers = new ArrayList<>(Collections.nCopies(transactions.size(), null));
    Map<String, Integer> firstInBatch = new HashMap<>();
    List<Integer> toPublish = new ArrayList<>();
    List<Integer> toClaim = new ArrayList<>();
    List<Integer> submittedBefore = new ArrayList<>();
    List<String> reserved = new ArrayList<>();
    try {
      for (int i = 0; i < transactions.size(); i++) {
        NewTransaction transaction = transactions.get(i);
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
          if (recent.find(id).isPresent()) {
            submittedBefore.add(i);
          } else {
            toClaim.add(i);
          }
        } catch (IdempotencyConflictException e) {
          answers.set(i, Submitted.refused(e));
        }
      }
      List<String> reused = claim(transactions, toClaim, toPublish, submittedBefore, answers);
      // the retries' transactions as they stand, and the originals a reuse's repeat is judged against
      List<String> toLookUp = new ArrayList<>(reused);
      submittedBefore.forEach(i -> toLookUp.add(transactions.get(i).command().transactionId()));
      Map<String, Map<String, Object>> inView = view.transactionsWithFingerprint(toLookUp);
      for (int i : submittedBefore) {
        answerRetry(transactions.get(i).command(), inView, i, toPublish, answers);
      }
      toPublish.sort(null); // in the batch's order, as a client sending them one by one would
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
   * Claims, in the table all instances share, the ids this instance did not accept lately. A new
   * one is published, a reuse of the key refused, and a retry answered from what is known of it.
   *
   * @return the ids refused as reuses
   */
  private List<String> claim(List<NewTransaction> transactions, List<Integer> unknown, List<Integer> toPublish,
      List<Integer> submittedBefore, List<Submitted> answers) {
    Map<String, Claim> claimed = claims.claim(unknown.stream().map(i -> transactions.get(i).command()).toList());
    List<String> reused = new ArrayList<>();
    for (int i : unknown) {
      String id = transactions.get(i).command().transactionId();
      switch (claimed.get(id)) {
        case NEW -> toPublish.add(i);
        case SAME -> submittedBefore.add(i);
        case OTHER -> {
          reused.add(id);
          answers.set(i, Submitted.refused(new IdempotencyConflictException(id)));
        }
      }
    }
    return reused;
  }

  /**
   * A request submitted before: answered with the transaction as it stands, or published again if
   * neither this instance nor the view has it yet (its first publishing may have failed; the
   * ledger applies an id once).
   */
  private void answerRetry(LedgerCommand command, Map<String, Map<String, Object>> inView, int index,
      List<Integer> toPublish, List<Submitted> answers) {
    try {
      Earlier earlier = earlier(command, inView.get(command.transactionId()));
      if (earlier.current() != null) {
        countReplay();
        answers.set(index, new Submitted(earlier.current(), null));
      } else {
        toPublish.add(index);
      }
    } catch (IdempotencyConflictException e) {
      answers.set(index, Submitted.refused(e));
    }
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
   * only from the claims (not yet in the view) is not at hand: the repeat is refused too, and a
   * matching one sent again is published.
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
