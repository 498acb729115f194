package org.socialbank.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives POST /api/v1/transfers of a running server at a fixed concurrency for a fixed time
 * and prints transfers/s and latency percentiles. Progress goes to stderr, the summary alone
 * to stdout, so that {@code --output json} prints exactly one line there.
 *
 * <p>Exit codes: 0 done, 1 the run failed or no transfer was posted, 2 bad flags.
 */
public final class LoadGenerator {
  /** Slack past the deadline for the last requests in flight, beyond their own timeout. */
  private static final long JOIN_SLACK_SECONDS = 10;

  private LoadGenerator() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
      System.out.println(Options.USAGE);
      return 0;
    }
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println(Options.USAGE);
      return 2;
    }
    try {
      if (options.setupOnly() != null) {
        List<UUID> wallets = new Setup(new Api(options.baseUrl(), options.token()), options.currency())
            .fundedWallets(options.accounts());
        Files.write(options.setupOnly(), wallets.stream().map(UUID::toString).toList());
        System.err.printf("bench: %d wallets funded, ids in %s%n", wallets.size(), options.setupOnly());
        return 0;
      }
      Summary summary = measure(options);
      System.out.print(options.outputJson()
          ? summary.json() + System.lineSeparator()
          : summary.text());
      return summary.count2xx() > 0 ? 0 : 1;
    } catch (IOException | IllegalStateException | ExecutionException | TimeoutException e) {
      System.err.println("bench: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("bench: interrupted");
      return 1;
    }
  }

  static Summary measure(Options options)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    Api api = new Api(options.baseUrl(), options.token());
    long setupStartNanos = System.nanoTime();
    List<UUID> wallets = new Setup(api, options.currency()).fundedWallets(options.accounts());
    System.err.printf("bench: %s; %d wallets funded in %d ms; %s threads%n", options,
        wallets.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setupStartNanos),
        WorkerThreads.kind());
    long warmupEndNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
    long deadlineNanos = warmupEndNanos + TimeUnit.SECONDS.toNanos(options.durationSeconds());
    Tally total = runWorkers(options, api, wallets, warmupEndNanos, deadlineNanos);
    double measuredSeconds = (System.nanoTime() - warmupEndNanos) / 1e9;
    return Summary.of(options, total, measuredSeconds);
  }

  private static Tally runWorkers(Options options, Api api, List<UUID> wallets,
      long warmupEndNanos, long deadlineNanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    ExecutorService executor = WorkerThreads.forWorkers(options.concurrency());
    try {
      // One seed per worker, derived from --seed, so that a run's choices can be repeated.
      SplittableRandom seeds = new SplittableRandom(options.seed());
      List<Future<Tally>> futures = new ArrayList<>(options.concurrency());
      for (int i = 0; i < options.concurrency(); i++) {
        futures.add(executor.submit(new Worker(api, wallets, options.currency(),
            seeds.split(), warmupEndNanos, deadlineNanos)));
      }
      return merged(futures, deadlineNanos);
    } finally {
      executor.shutdownNow();
    }
  }

  private static Tally merged(List<Future<Tally>> futures, long deadlineNanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    long joinByNanos = deadlineNanos + Api.REQUEST_TIMEOUT.toNanos()
        + TimeUnit.SECONDS.toNanos(JOIN_SLACK_SECONDS);
    Tally total = new Tally();
    for (Future<Tally> future : futures) {
      long waitNanos = Math.max(0, joinByNanos - System.nanoTime());
      total.add(future.get(waitNanos, TimeUnit.NANOSECONDS));
    }
    return total;
  }
}
