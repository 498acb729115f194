package org.socialbank.assistant.model;

import java.nio.FloatBuffer;

/** How the sentence encoders pool a transformer's token rows into one block of their vector. Plain Java. */
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
}
