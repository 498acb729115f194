package org.socialbank.assistant.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** What the sentence encoders share: their onnxruntime session's options, their ids' cut, the pooling of token rows. */
final class Pooling {

    private Pooling() {}

    /**
     * The mean of rows {@code from} (inclusive) to {@code to} (exclusive) of a [1, tokens,
     * {@code width}] tensor, L2-normalized, written at {@code offset}: one row alone is that row.
     */
    static void meanInto(FloatBuffer hidden, int width, int from, int to, float[] vector, int offset) {
        double[] sum = new double[width];
        for (int t = from; t < to; t++) {
            for (int d = 0; d < width; d++) {
                sum[d] += hidden.get(t * width + d);
            }
        }
        double norm = 0;
        for (double s : sum) {
            norm += s * s;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int d = 0; d < width; d++) {
            vector[offset + d] = (float) (sum[d] * scale);
        }
    }

    /**
     * A session's options for one question at a time: one intra-op and one inter-op thread (on two
     * shared cores a question's latency suffers more from threads fighting than it gains from
     * them), every graph optimization.
     */
    static OrtSession.SessionOptions oneThread() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    /** The ids with the special tokens; a longer text keeps its first tokens and its closing [SEP]. */
    static long[] truncated(long[] ids, int max) {
        if (ids.length <= max) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, max);
        cut[max - 1] = ids[ids.length - 1];
        return cut;
    }
}
