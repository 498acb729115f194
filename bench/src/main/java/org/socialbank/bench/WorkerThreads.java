package org.socialbank.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the workers run on. On Java 21+ it is one virtual thread per worker; the jar is
 * compiled for Java 17, so that API is looked up by reflection. Elsewhere it is a fixed pool of
 * platform threads, one per worker.
 */
final class WorkerThreads {
  private static final int VIRTUAL_THREADS_FEATURE_MIN = 21;

  private WorkerThreads() {
  }

  static ExecutorService forWorkers(int workerCount) {
    if (Runtime.version().feature() >= VIRTUAL_THREADS_FEATURE_MIN) {
      try {
        return (ExecutorService) Executors.class
            .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Java " + Runtime.version()
            + " lacks Executors.newVirtualThreadPerTaskExecutor", e);
      }
    }
    return Executors.newFixedThreadPool(workerCount, daemonThreads());
  }

  static String kind() {
    return Runtime.version().feature() >= VIRTUAL_THREADS_FEATURE_MIN ? "virtual" : "platform";
  }

  /** Daemons, so that a worker stuck past its timeout cannot keep the JVM from exiting. */
  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "bench-worker-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
