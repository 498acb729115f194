package org.socialbank.ledger.web;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Fires requests at the server of this JVM over real HTTP from a few platform threads and says how
 * much CPU the server spent per request: the process's CPU time minus the client threads' own, over
 * a measured window after a warmup. Indicative only: the JIT, the GC and whatever else the JVM does
 * in the window are charged to the requests, as they are in {@code bench/run.sh}'s cpu/op.
 */
final class CpuProbe {

    /** Frames whose presence anywhere on a sample's stack the profile counts (inclusive). */
    static final List<String> MARKERS = List.of(
            "org.apache.coyote.http11.Http11Processor.service",
            "org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal",
            "org.springframework.security.web.FilterChainProxy.doFilter",
            "org.socialbank.security.BearerTokenFilter.doFilterInternal",
            "org.springframework.security.web.access.intercept.AuthorizationFilter.doFilter",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch",
            "org.springframework.web.servlet.DispatcherServlet.getHandler",
            "org.springframework.web.servlet.HandlerExecutionChain.applyPreHandle",
            "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor.readWithMessageConverters",
            "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters",
            "org.springframework.web.servlet.FrameworkServlet.publishRequestHandledEvent",
            "org.socialbank.ledger.web.TransfersController",
            "io.micrometer",
            "org.socialbank.ledger.GroupCommit");

    record Result(
            String label,
            long requests,
            double seconds,
            double serverCpuMsPerRequest,
            double clientCpuMsPerRequest,
            double allocatedKbPerRequest,
            Map<String, Long> statuses,
            Map<String, Double> threadCpuMsPerRequest) {

        String line() {
            return "cpu-probe %s requests=%d seconds=%.1f server_cpu_ms_per_request=%.3f client_cpu_ms_per_request=%.3f allocated_kb_per_request=%.1f statuses=%s threads_cpu_ms_per_request=%s"
                    .formatted(
                            label,
                            requests,
                            seconds,
                            serverCpuMsPerRequest,
                            clientCpuMsPerRequest,
                            allocatedKbPerRequest,
                            statuses,
                            threadCpuMsPerRequest);
        }
    }

    private final int port;
    private final int connections;
    private final IntFunction<byte[]> request;

    /** {@code request} makes the whole HTTP message for the n-th request (a fresh transfer id each). */
    CpuProbe(int port, int connections, IntFunction<byte[]> request) {
        this.port = port;
        this.connections = connections;
        this.request = request;
    }

    /** The process's CPU per second while no request comes: the schedulers, pollers and the JVM itself. */
    static double idleCpuMsPerSecond(Duration window) throws InterruptedException {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (os.getProcessCpuTime() - cpuBefore) / 1e6 / ((System.nanoTime() - started) / 1e9);
    }

    /** Waits (at most {@code patience}) until the process spends under 5 % of a core for two seconds in a row. */
    static void awaitQuiet(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && idleCpuMsPerSecond(Duration.ofSeconds(2)) > 50) {
            // the assistant's first training, Flyway's last statements, the JIT after a warmup
        }
    }

    /** Runs {@code requests} requests and measures them. */
    Result run(String label, int requests) throws InterruptedException {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong next = new AtomicLong();
        LongAdder clientCpuNs = new LongAdder();
        LongAdder clientAllocated = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        Map<String, Long> threadsBefore = cpuByThreadGroup(threads);
        long cpuBefore = os.getProcessCpuTime();
        long allocatedBefore = allocatedByLiveThreads(threads);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(
                    () -> drive(requests, next, statuses, clientCpuNs, clientAllocated, threads),
                    "cpu-probe-client-" + c);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long allocated = allocatedByLiveThreads(threads) - allocatedBefore;
        Map<String, Double> byGroup = new LinkedHashMap<>();
        long visible = 0;
        for (Map.Entry<String, Long> group : cpuByThreadGroup(threads).entrySet()) {
            long spent = group.getValue() - threadsBefore.getOrDefault(group.getKey(), 0L);
            if (spent > 0 && !group.getKey().startsWith("cpu-probe-client")) {
                visible += spent;
                byGroup.put(group.getKey(), Math.round(spent / 1e3 / requests) / 1e3);
            }
        }
        byGroup.put("(JIT, GC, ended threads)", Math.round((cpu - clientCpuNs.sum() - visible) / 1e3 / requests) / 1e3);
        Map<String, Long> counted = new LinkedHashMap<>();
        statuses.forEach((status, n) -> counted.put(String.valueOf(status), n.sum()));
        return new Result(
                label,
                requests,
                seconds,
                (cpu - clientCpuNs.sum()) / 1e6 / requests,
                clientCpuNs.sum() / 1e6 / requests,
                allocated / 1024.0 / requests, // the client's threads ended before the second count
                counted,
                byGroup);
    }

    /** CPU time of the live platform threads, summed by name without its digits (carriers of virtual threads included). */
    private static Map<String, Long> cpuByThreadGroup(java.lang.management.ThreadMXBean threads) {
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    groups.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
                }
            }
        }
        return groups;
    }

    /** Heap allocated by the platform threads alive now (virtual threads allocate on their carriers). */
    private static long allocatedByLiveThreads(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(bytes, 0);
        }
        return sum;
    }

    private void drive(
            int requests,
            AtomicLong next,
            Map<Integer, LongAdder> statuses,
            LongAdder clientCpuNs,
            LongAdder clientAllocated,
            com.sun.management.ThreadMXBean threads) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long allocatedStart = threads.getCurrentThreadAllocatedBytes();
        try (RawHttp http = new RawHttp(port)) {
            long n;
            while ((n = next.getAndIncrement()) < requests) {
                byte[] message = request.apply((int) n);
                int status = http.exchange(message);
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        } catch (IOException e) {
            statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
        } finally {
            clientCpuNs.add(threads.getCurrentThreadCpuTime() - cpuStart);
            clientAllocated.add(threads.getCurrentThreadAllocatedBytes() - allocatedStart);
        }
    }

    /**
     * Runs {@code requests} requests under a JFR recording ({@code profile} settings), writes it to
     * {@code file} and returns a summary of its CPU samples outside the client's threads.
     */
    String profile(int requests, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            recording.start();
            run("profiled", requests);
            recording.stop();
            recording.dump(file);
        }
        return summary(file);
    }

    static String summary(Path file) throws IOException {
        Map<String, Integer> nearest = new HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        MARKERS.forEach(m -> inclusive.put(m, 0));
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null) {
                continue;
            }
            String thread = String.valueOf(event.getThread("sampledThread").getJavaName());
            if (thread.startsWith("cpu-probe-client")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            nearest.merge(nearestNonJdk(frames), 1, Integer::sum);
            for (String marker : MARKERS) {
                if (frames.stream().anyMatch(f -> name(f).startsWith(marker))) {
                    inclusive.merge(marker, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder("cpu-probe profile " + file + ": " + samples + " samples\n");
        int total = Math.max(samples, 1);
        out.append("  inclusive (sample has the frame anywhere on its stack):\n");
        inclusive.forEach((m, n) -> out.append("  %5.1f %%  %s%n".formatted(100.0 * n / total, m)));
        out.append("  nearest non-JDK frame, top 40:\n");
        nearest.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(40)
                .forEach(e -> out.append("  %5.1f %%  %s%n".formatted(100.0 * e.getValue() / total, e.getKey())));
        return out.toString();
    }

    private static String nearestNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (!(name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun."))) {
                return name;
            }
        }
        return frames.isEmpty() ? "?" : "(JDK) " + name(frames.get(0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
