import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SparseVector;

/**
 * The CPU an exact fit of the MiniLM head costs per L-BFGS iteration, on the 8,005 questions of
 * the seed-77 split (the first start's first fit), measured as the process's CPU time, which a
 * loaded machine disturbs far less than the wall clock (asst18, session 10). Run it on two class
 * paths (before and after a change of the loss) to compare them: the same iterations give the
 * same objective to the last digit when the change keeps the bits. Needs the vectors of
 * bench/assistant.sh cv (target/assistant-vectors-all-*.bin):
 * bench/assistant.sh headfit [iterations [classes-dir]]
 */
public class HeadFitBench {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Examples all = Examples.readCsv(new FileInputStream("src/main/resources/assistant/banking77/train.csv"));
        Path file;
        try (var files = Files.list(Path.of("target"))) {
            file = files.filter(p -> p.getFileName().toString().startsWith("assistant-vectors-all-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run bench/assistant.sh cv first: it keeps the vectors"));
        }
        Map<String, float[]> byText = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (String text : all.texts()) {
                float[] v = new float[MiniLm.DIMENSION];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                byText.put(text, v);
            }
        }
        Examples train = all.split(0.2, 77).train();
        List<String> labels = all.labels();
        List<SparseVector> xs = new ArrayList<>();
        int[] ys = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            xs.add(BlendedModel.dense(byText.get(train.texts().get(i))));
            ys[i] = labels.indexOf(train.intents().get(i));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < 2; run++) { // the first run warms the JIT up
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            SoftmaxRegression.train(xs, ys, labels.size(), MiniLm.DIMENSION,
                    new SoftmaxRegression.Exact(30, iterations, 1e-300));
            double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
            double wallS = (System.nanoTime() - wall) / 1e9;
            System.out.printf("run %d, %d questions: %s; CPU %.1f s, wall %.1f s; load %s%n", run, train.size(),
                    SoftmaxRegression.lastFit(), cpuS, wallS, Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }
}
