package org.socialbank.channels.wechat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Review 2026-12-07 channels #2: a database that stalls and then fails, as a connection pool
 * exhausted for its whole timeout does (Hikari's {@link SQLTransientConnectionException}), once,
 * for the engine's run of a WeChat callback (a {@code wechat-callback} thread): the application's
 * {@link DataSource}, wrapped by {@link #wrapper}, makes the next connection asked for there wait
 * and then refuses it. Every other connection is the real one.
 */
final class StalledConnections {

    /** The longest a stall {@link #untilReleased} waits, should a test forget to release it. */
    private static final Duration RELEASED_AT_MOST = Duration.ofMinutes(2);

    private final AtomicReference<Duration> armed = new AtomicReference<>();
    /** Set by {@link #untilReleased}: what the armed stall waits for instead of its time. */
    private volatile CountDownLatch gate;

    /** The next connection a WeChat callback's engine run asks for waits {@code stall}, then fails. */
    void once(Duration stall) {
        gate = null;
        armed.set(stall);
    }

    /**
     * Review 2026-12-07 channels follow-up: the next connection a WeChat callback's engine run asks
     * for waits until {@link #release}, then fails: a run its node abandoned (it stopped), which
     * never gets further while the test looks.
     */
    void untilReleased() {
        gate = new CountDownLatch(1);
        armed.set(RELEASED_AT_MOST);
    }

    /** The run held by {@link #untilReleased} goes on (and fails). */
    void release() {
        CountDownLatch released = gate;
        if (released != null) {
            released.countDown();
        }
    }

    /** Whether the armed stall happened. */
    boolean spent() {
        return armed.get() == null;
    }

    BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof Stalling) ? new Stalling(source) : bean;
            }
        };
    }

    private final class Stalling extends DelegatingDataSource {

        Stalling(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Thread.currentThread().getName().startsWith("wechat-callback")) {
                Duration stall = armed.getAndSet(null);
                if (stall != null) {
                    CountDownLatch released = gate;
                    try {
                        if (released == null) {
                            Thread.sleep(stall.toMillis());
                        } else if (!released.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new IllegalStateException("a stalled connection was never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out after " + stall.toMillis()
                                    + "ms (total=10, active=10, idle=0, waiting=4)");
                }
            }
            return super.getConnection();
        }
    }
}
