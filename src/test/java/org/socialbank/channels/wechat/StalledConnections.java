package org.socialbank.channels.wechat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
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

    private final AtomicReference<Duration> armed = new AtomicReference<>();

    /** The next connection a WeChat callback's engine run asks for waits {@code stall}, then fails. */
    void once(Duration stall) {
        armed.set(stall);
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
                    try {
                        Thread.sleep(stall.toMillis());
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
