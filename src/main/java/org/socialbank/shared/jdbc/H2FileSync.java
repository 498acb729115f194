package org.socialbank.shared.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.socialbank.shared.Durability;
import org.springframework.beans.factory.DisposableBean;

/**
 * Group fsync for the embedded H2 file, and the mark of a run that did not stop cleanly.
 *
 * <p>With {@code WRITE_DELAY=0} H2 writes its store to the file before a commit returns; an
 * fsync adds a power cut. A caller registers after its commit and then waits for one fsync that
 * began after it registered; one fsync serves every caller that registered before it began. A
 * kill can still leave part of a transaction in the file (docs/adr/0017): each run writes
 * {@code <file>.running}, removed on a clean stop, so that the next start knows to rebuild.
 */
final class H2FileSync implements Durability, DisposableBean {

    private final Path file;
    private final AtomicLong registered = new AtomicLong();
    /** Package-private so that a test can hold it while waiters gather. */
    final ReentrantLock syncing = new ReentrantLock();

    private long synced; // guarded by syncing
    private long syncs; // guarded by syncing: fsyncs done, for the tests
    private FileChannel channel; // guarded by syncing, opened on first use (H2 creates the file)
    private final boolean previousRunUnclean;

    H2FileSync(Path file) {
        this.file = file;
        this.previousRunUnclean = Files.exists(marker());
    }

    @Override
    public void awaitDurable() {
        long ticket = registered.incrementAndGet();
        syncing.lock();
        try {
            if (synced >= ticket) {
                return;
            }
            long covered = registered.get();
            channel().force(false);
            syncs++;
            synced = covered;
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of " + file + " failed", e);
        } finally {
            syncing.unlock();
        }
    }

    /** How many fsyncs this run has done. */
    long syncs() {
        syncing.lock();
        try {
            return syncs;
        } finally {
            syncing.unlock();
        }
    }

    /**
     * Whether the previous run on this file did not stop cleanly: it left {@code <file>.running},
     * which each run writes at start and removes when its context closes, after the connection
     * pool (which depends on this bean) has closed and H2 with it. H2's MVStore can keep part of
     * a transaction in flight at a kill (docs/adr/0017).
     */
    @Override
    public boolean mayHoldHalfTransactions() {
        return previousRunUnclean;
    }

    /** Notes that this run is under way; {@link #stoppedCleanly()} removes the note. */
    void running() {
        try {
            Files.createDirectories(marker().getParent());
            Files.writeString(marker(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker(), e);
        }
    }

    /** The context is closing and the pool, which depends on this bean, is closed: a clean stop. */
    @Override
    public void destroy() throws IOException {
        syncing.lock();
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            syncing.unlock();
        }
        stoppedCleanly();
    }

    void stoppedCleanly() {
        try {
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + marker(), e);
        }
    }

    Path marker() {
        return file.resolveSibling(file.getFileName() + ".running");
    }

    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    Path file() {
        return file;
    }
}
