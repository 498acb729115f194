package org.socialbank.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A store whose transactions cannot start, on the threads a test chooses, until it recovers: the
 * application's {@link javax.sql.DataSource} (wrapped by {@link #wrapper}) hands out connections that refuse
 * {@code setAutoCommit(false)} while the outage lasts. Spring's transaction manager then throws
 * {@code CannotCreateTransactionException}, as when the pool is exhausted past its timeout or the
 * database went away between two statements; statements outside a transaction still run. For the
 * adapters' "an infrastructure fault is redelivered, not recorded" tests (review 2026-12-07
 * channels #1).
 */
public final class StoreOutage {

    private final AtomicInteger refusals = new AtomicInteger();
    private volatile Predicate<Thread> refused = t -> false;
    private volatile boolean lostAtFirstTransaction;
    private volatile boolean lost;
    private volatile Predicate<String> failingSql = sql -> false;
    private volatile Predicate<Thread> statementsRefused = t -> false;

    /** From now on, no transaction starts on the threads {@code on} accepts. */
    public void refuseTransactions(Predicate<Thread> on) {
        refusals.set(0);
        lostAtFirstTransaction = false;
        lost = false;
        failingSql = sql -> false;
        refused = on;
    }

    /**
     * From now on, the statements whose SQL {@code sql} accepts fail on the threads {@code on}
     * accepts, inside a transaction or not, while every other statement runs: a fault in the
     * middle of a piece of work (review 2026-12-07 whatsapp follow-up). Transactions still start.
     */
    public void failStatements(Predicate<Thread> on, Predicate<String> sql) {
        refusals.set(0);
        lostAtFirstTransaction = false;
        lost = false;
        refused = t -> false;
        failingSql = sql;
        statementsRefused = on;
    }

    /**
     * From now on, the store is lost to the threads {@code on} accepts at their first transaction:
     * statements outside a transaction run until then, and from then on every statement fails too,
     * as when the database goes away (review 2026-12-07 alerts follow-up #1).
     */
    public void loseAtFirstTransaction(Predicate<Thread> on) {
        refuseTransactions(on);
        lostAtFirstTransaction = true;
    }

    /** Transactions start again; answers how many were refused meanwhile. */
    public int recover() {
        refused = t -> false;
        statementsRefused = t -> false;
        failingSql = sql -> false;
        lost = false;
        return refusals.get();
    }

    /** The threads that serve HTTP requests (Tomcat's virtual or platform threads). */
    public static boolean requestThread(Thread thread) {
        return thread.getName().startsWith("tomcat-handler") || thread.getName().contains("-exec-");
    }

    /** Wraps the application's data source once it is initialized; closing the wrapper closes the pool. */
    public BeanPostProcessor wrapper() {
        return WrappedConnections.wrapper(this::guarded);
    }

    private static boolean statement(String method) {
        return method.startsWith("prepare") || method.equals("createStatement");
    }

    private Connection guarded(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StoreOutage.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (method.getName().equals("setAutoCommit")
                            && Boolean.FALSE.equals(args[0])
                            && refused.test(Thread.currentThread())) {
                        refusals.incrementAndGet();
                        lost = lostAtFirstTransaction;
                        throw new SQLTransientConnectionException(
                                "the store refuses new transactions (a test's outage)");
                    }
                    if (statement(method.getName())
                            && args != null
                            && args.length > 0
                            && args[0] instanceof String sql
                            && statementsRefused.test(Thread.currentThread())
                            && failingSql.test(sql)) {
                        refusals.incrementAndGet();
                        throw new SQLTransientConnectionException("the statement failed (a test's outage)");
                    }
                    if (lost && statement(method.getName()) && refused.test(Thread.currentThread())) {
                        refusals.incrementAndGet();
                        throw new SQLTransientConnectionException("the store is gone (a test's outage)");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
