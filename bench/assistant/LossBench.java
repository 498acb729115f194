import java.lang.management.ManagementFactory;
import java.util.Random;
import org.socialbank.assistant.model.SoftmaxRegression;

/**
 * The CPU an exact fit of a dense head costs, on seeded rows shaped like the MiniLM head's (4,000
 * questions of 1,920 numbers, 77 classes) so that it needs no encoded vectors: three fits of a
 * fixed number of L-BFGS iterations, each timed by the process's CPU time and the wall clock, and
 * the objective each reaches (a change of the loss that keeps the bits keeps it to the last digit).
 * Run it on two class paths to compare them: bench/assistant.sh loss [iterations [classes-dir]].
 */
public class LossBench {

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int n = 4000;
        int features = 1920;
        int classes = 77;
        Random random = new Random(7);
        float[][] centres = new float[classes][features];
        for (float[] centre : centres) {
            for (int f = 0; f < features; f++) {
                centre[f] = (float) (random.nextGaussian() * 0.03);
            }
        }
        float[][] xs = new float[n][features];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            ys[i] = random.nextInt(classes);
            for (int f = 0; f < features; f++) {
                xs[i][f] = centres[ys[i]][f] + (float) (random.nextGaussian() * 0.02);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // a tolerance no fit reaches: every fit runs the same iterations
        SoftmaxRegression.Exact exact = new SoftmaxRegression.Exact(10, iterations, 1e-30);
        for (int fit = 1; fit <= 3; fit++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            SoftmaxRegression.trainDense(xs, ys, classes, exact);
            System.out.printf("fit %d: %d iterations, CPU %.1f s, wall %.1f s; %s%n", fit, iterations,
                    (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, SoftmaxRegression.lastFit());
        }
    }
}
