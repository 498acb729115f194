package org.socialbank.bench;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One closed-loop client: sends a transfer, waits for the answer, sends the next, until the
 * deadline. Requests started during the warmup are sent but not counted.
 */
final class Worker implements Callable<Tally> {
  /** Small amounts, so that funded wallets never run dry and every transfer can be posted. */
  static final long AMOUNT_MINOR_MAX = 1_000;

  private final Api api;
  private final List<UUID> wallets;
  private final String currency;
  private final SplittableRandom random;
  private final long warmupEndNanos;
  private final long deadlineNanos;

  Worker(Api api, List<UUID> wallets, String currency, SplittableRandom random,
      long warmupEndNanos, long deadlineNanos) {
    this.api = api;
    this.wallets = wallets;
    this.currency = currency;
    this.random = random;
    this.warmupEndNanos = warmupEndNanos;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public Tally call() {
    Tally tally = new Tally();
    // Bounded by the deadline; each request is bounded by Api.REQUEST_TIMEOUT.
    while (System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted()) {
      sendOne(tally);
    }
    return tally;
  }

  private void sendOne(Tally tally) {
    int debit = random.nextInt(wallets.size());
    // Drawn from the other n-1 wallets, so debit and credit always differ.
    int credit = (debit + 1 + random.nextInt(wallets.size() - 1)) % wallets.size();
    long amountMinor = 1 + random.nextLong(AMOUNT_MINOR_MAX);
    long startNanos = System.nanoTime();
    try {
      Api.Response response = api.createTransfer(UUID.randomUUID(), wallets.get(debit),
          wallets.get(credit), amountMinor, currency);
      if (startNanos - warmupEndNanos >= 0) {
        long latencyMicros = (System.nanoTime() - startNanos) / 1_000;
        tally.recordResponse(response.status(), latencyMicros, rejectionCode(response));
      }
    } catch (IOException e) {
      if (startNanos - warmupEndNanos >= 0) {
        tally.recordError(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The problem+json member {@code code} of a 4xx, when the body has one. */
  static String rejectionCode(Api.Response response) {
    if (response.status() / 100 != 4 || response.body().isBlank()) {
      return null;
    }
    try {
      return JsonReader.stringMember(response.body(), "code");
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }
}
