package org.socialbank.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of ledger writes (issue 22, section 2), of single transfers ({@code
 * GroupCommit<NewTransfer, TransferResult>}) and of linked batches ({@code
 * GroupCommit<List<NewTransfer>, BatchResult>}, all-or-nothing each): requests that arrive while
 * a group is being written wait in a queue, and the next group takes all of them (up to a size)
 * into one database transaction: one lock pass over their accounts in id order, one idempotency
 * look-up, multi-row inserts and updates, one commit and one wait for durability. Each caller still gets
 * its own answer, a rejection stays that request's own, and an answer still means durable.
 *
 * <p>No time is spent waiting for a group to fill: a request that finds the committer idle is
 * written at once, alone; under load the groups grow by themselves to what arrived during the
 * previous commit. If a whole group fails for a reason other than a lost race (which the
 * transaction retries as a whole), each of its requests is written again on its own, so one bad
 * request cannot fail the others.
 */
final class GroupCommit<Q, A> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final long IDLE_POLL_MS = 100;
    private static final long CLOSE_WAIT_MS = 10_000;

    /** How a group is written: all in one transaction, or one request in its own. */
    interface Writer<Q, A> {

        /** Books the requests in one transaction; the answers are in the requests' order. */
        List<A> writeAll(List<Q> requests);

        A writeOne(Q request);
    }

    private record Waiting<Q, A>(Q request, CompletableFuture<A> answer) {}

    private final LinkedBlockingQueue<Waiting<Q, A>> queue = new LinkedBlockingQueue<>();
    private final Writer<Q, A> writer;
    private final int sizeMax;
    private final IntConsumer groupSizes;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param sizeMax the most requests one group holds
     * @param committers how many groups may be written at once (each holds one connection)
     * @param groupSizes told the size of every group written, for the metrics
     */
    GroupCommit(Writer<Q, A> writer, int sizeMax, int committers, IntConsumer groupSizes) {
        this.writer = writer;
        this.sizeMax = sizeMax;
        this.groupSizes = groupSizes;
        for (int i = 0; i < committers; i++) {
            Thread thread = new Thread(this::commitGroups, "ledger-group-commit-" + i);
            thread.setDaemon(true);
            this.committers.add(thread);
            thread.start();
        }
    }

    /** Books the request in the next group and answers when that group is durable. */
    A submit(Q request) {
        if (closed) {
            return writer.writeOne(request);
        }
        Waiting<Q, A> waiting = new Waiting<>(request, new CompletableFuture<>());
        queue.add(waiting);
        if (closed && queue.remove(waiting)) { // closed meanwhile: no committer may take it now
            return writer.writeOne(request);
        }
        try {
            return waiting.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Requests waiting for the next group. */
    int queued() {
        return queue.size();
    }

    private void commitGroups() {
        List<Waiting<Q, A>> group = new ArrayList<>(sizeMax);
        while (!closed || !queue.isEmpty()) {
            Waiting<Q, A> first;
            try {
                first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            queue.drainTo(group, sizeMax - 1);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Waiting<Q, A>> group) {
        groupSizes.accept(group.size());
        List<A> results;
        try {
            results = writer.writeAll(group.stream().map(Waiting::request).toList());
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.get(0).answer().completeExceptionally(e);
                return;
            }
            log.warn(
                    "a group of {} ledger writes failed as a whole ({}); writing each on its own",
                    group.size(),
                    e.toString());
            group.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer().complete(results.get(i));
        }
    }

    private void commitAlone(Waiting<Q, A> waiting) {
        try {
            waiting.answer().complete(writer.writeOne(waiting.request()));
        } catch (RuntimeException | Error e) {
            waiting.answer().completeExceptionally(e);
        }
    }

    /** Stops taking groups once the queue is empty; what is left is written by the callers' threads. */
    @Override
    public void close() {
        closed = true;
        for (Thread committer : committers) {
            try {
                committer.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Waiting<Q, A> left; (left = queue.poll()) != null; ) {
            commitAlone(left);
        }
    }
}
