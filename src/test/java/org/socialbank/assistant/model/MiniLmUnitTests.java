package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the study's encoder settings (its §7 step 2 and 4), which a silent change of the
 * tokenizer file or of DJL would break without failing anything else: no padding (the jar's
 * tokenizer.json pads every question to 128 tokens), at most 128 tokens ending with [SEP], and the
 * mean over the question's real tokens only, each layer's block L2-normalized.
 */
class MiniLmUnitTests {

    static final long CLS = 101;
    static final long SEP = 102;
    static final long PAD = 0;
    static MiniLm encoder;

    @BeforeAll
    static void load() {
        encoder = new MiniLm();
    }

    @Test
    void aQuestionIsItsOwnTokensBetweenClsAndSepNeverPadded() {
        long[] ids = encoder.ids("I still have not received my card");
        assertThat(ids.length).isBetween(9, 12); // 8 words and the two special tokens, not 128
        assertThat(ids[0]).isEqualTo(CLS);
        assertThat(ids[ids.length - 1]).isEqualTo(SEP);
        assertThat(ids).doesNotContain(PAD);
    }

    @Test
    void aLongTextIsCutAt128TokensAndStillEndsWithSep() {
        long[] ids = encoder.ids("my card has not arrived yet and ".repeat(60));
        assertThat(ids).hasSize(MiniLm.TOKENS_MAX);
        assertThat(ids[0]).isEqualTo(CLS);
        assertThat(ids[MiniLm.TOKENS_MAX - 1]).isEqualTo(SEP);
        assertThat(ids).doesNotContain(PAD);
    }

    @Test
    void theMeanIsOverTheRealTokensOnlyAndEachBlockHasUnitLength() {
        int tokens = 2;
        FloatBuffer hidden = FloatBuffer.allocate(3 * MiniLm.WIDTH); // a third row, as a pad would be
        for (int d = 0; d < MiniLm.WIDTH; d++) {
            hidden.put(d, d == 0 ? 1 : 0); // token 1: e0
            hidden.put(MiniLm.WIDTH + d, d == 1 ? 3 : 0); // token 2: 3 e1
            hidden.put(2 * MiniLm.WIDTH + d, d == 2 ? 100 : 0); // not a token
        }
        float[] vector = new float[2 * MiniLm.WIDTH];
        MiniLm.meanInto(hidden, tokens, vector, MiniLm.WIDTH);
        assertThat(vector[0]).isZero(); // the first block untouched
        assertThat((double) vector[MiniLm.WIDTH]).isCloseTo(1 / Math.sqrt(10), Offset.offset(1e-6));
        assertThat((double) vector[MiniLm.WIDTH + 1]).isCloseTo(3 / Math.sqrt(10), Offset.offset(1e-6));
        assertThat(vector[MiniLm.WIDTH + 2]).isZero();
    }
}
