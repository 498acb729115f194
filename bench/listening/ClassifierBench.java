import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.socialbank.listening.classify.Classifier;

/**
 * Mentions classified per second (language, sentiment, topic) by the in-process classifier,
 * cycling through the evaluation texts of all five languages. Run by bench/listening/run.sh;
 * a benchmark run by hand, never a timed test.
 *
 * Arguments: threads (default 1), seconds per round (default 10), rounds (default 3).
 */
public class ClassifierBench {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> texts = texts(Path.of("src/test/resources/listening"));
        Classifier classifier = new Classifier();
        run(classifier, texts, threads, 3); // warm-up: the JIT compiles the hot paths
        for (int r = 1; r <= rounds; r++) {
            double perSecond = run(classifier, texts, threads, seconds);
            System.out.printf("round %d: %d thread(s), %,.0f mentions/s (%d texts, mean %d chars)%n", r, threads,
                    perSecond, texts.size(), texts.stream().mapToInt(String::length).sum() / texts.size());
        }
    }

    static double run(Classifier classifier, List<String> texts, int threads, int seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            Thread worker = new Thread(() -> {
                long sink = 0;
                int i = offset;
                while (System.nanoTime() < deadline) {
                    sink += classifier.classify(texts.get(i++ % texts.size())).topic().ordinal();
                    done.increment();
                }
                if (sink == 42) {
                    System.out.print("");
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    static List<String> texts(Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("\t")) {
                        texts.add(line.split("\t", 2)[1]);
                    }
                }
            }
        }
        return texts;
    }
}
