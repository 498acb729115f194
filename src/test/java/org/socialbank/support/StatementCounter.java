package org.socialbank.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application executes, by statement, on the threads a test
 * chooses, between {@link #start} and {@link #stop}: a JDK proxy around the application's
 * {@link DataSource} (installed by {@link #wrapper}) and the connections and statements it hands
 * out. A JDBC batch counts once (one round trip) under its SQL, its rows under "batched rows".
 * Commits, rollbacks and savepoints are counted too, under their own names, and a statement run
 * outside a transaction once more under {@link #AUTOCOMMITTED} (it commits by itself). Shared by the chat
 * path's and the ledger's statement guards (issue 22).
 */
public final class StatementCounter {

    private static final Set<String> EXECUTIONS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Predicate<Thread> counted = t -> false;
    private volatile boolean active;

    /**
     * Counts from now on, on the threads {@code counted} accepts (the others' statements are
     * tallied by thread name, apart); forgets what was counted before.
     */
    public void start(Predicate<Thread> counted) {
        counts.clear();
        this.counted = counted;
        this.active = true;
    }

    /** Stops counting; answers the histogram, statement -> executions, in the statements' order. */
    public Map<String, Integer> stop() {
        this.active = false;
        this.counted = t -> false;
        Map<String, Integer> histogram = new TreeMap<>();
        counts.forEach((sql, n) -> histogram.put(sql, n.get()));
        return histogram;
    }

    /** The statements (not commits, rollbacks, savepoints or batched rows) of a histogram. */
    public static int statements(Map<String, Integer> histogram) {
        return histogram.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("#"))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** A statement run outside a transaction: it commits on its own. */
    public static final String AUTOCOMMITTED = "# autocommitted statement";

    /**
     * The commits of a histogram: explicit ones and the statements that committed on their own
     * (the reads among them too: the count is of commits, not of disk waits).
     */
    public static int commits(Map<String, Integer> histogram) {
        return histogram.getOrDefault("# commit", 0) + histogram.getOrDefault(AUTOCOMMITTED, 0);
    }

    /** The histogram, one line per statement, most frequent first. */
    public static String print(Map<String, Integer> histogram) {
        StringBuilder out = new StringBuilder();
        histogram.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append(String.format("%4d  %s%n", e.getValue(), e.getKey())));
        return out.append(String.format("%4d  statements in all%n", statements(histogram)))
                .append(String.format("%4d  commits in all%n", commits(histogram)))
                .toString();
    }

    private void count(String what) {
        if (!active) {
            return;
        }
        Thread thread = Thread.currentThread();
        String key = counted.test(thread)
                ? what
                : "# not counted, thread " + thread.getName().replaceAll("\\d+", "N");
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A statement's SQL on one line, bounded, so that a histogram reads. */
    static String shape(String sql) {
        String line = sql == null ? "?" : sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 140 ? line : line.substring(0, 140) + "…";
    }

    /** Wraps the application's data source once it is initialized. */
    public BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !Proxy.isProxyClass(bean.getClass())
                        ? proxy(DataSource.class, source, this::dataSource)
                        : bean;
            }

            private Object dataSource(Object target, Method method, Object[] args) throws Throwable {
                Object result = invoke(target, method, args);
                return result instanceof Connection c && method.getName().equals("getConnection")
                        ? proxy(Connection.class, c, connection())
                        : result;
            }
        };
    }

    private Handler connection() {
        return (target, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") || name.equals("setSavepoint")) {
                count("# " + name + (name.equals("rollback") && args != null ? " to savepoint" : ""));
            }
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, statement(shape((String) args[0])));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, statement(shape((String) args[0])));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, statement(null));
            }
            return result;
        };
    }

    private Handler statement(String prepared) {
        return (target, method, args) -> {
            String name = method.getName();
            if (EXECUTIONS.contains(name)) {
                count(prepared != null ? prepared : shape(args != null && args.length > 0 ? (String) args[0] : "?"));
                if (active && ((Statement) target).getConnection().getAutoCommit()) {
                    count(AUTOCOMMITTED); // a commit of its own, which a write makes wait for the disk
                }
            } else if (name.equals("addBatch")) {
                count("# batched rows");
            }
            return invoke(target, method, args);
        };
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A proxy of {@code type} around {@code target}; unwrap and equality reach the target where they must. */
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "unwrap" -> type.equals(args[0]) ? proxy : invoke(target, method, args);
            case "isWrapperFor" -> type.equals(args[0]) || (boolean) invoke(target, method, args);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "counted " + target;
            default -> handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
