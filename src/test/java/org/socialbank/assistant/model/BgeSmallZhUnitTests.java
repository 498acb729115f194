package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Chinese's encoder: a question written without spaces is its characters between
 * [CLS] and [SEP], never padded, at most 128 tokens; its vector is the [CLS] row and the mean,
 * each of unit length, the same for the same text.
 */
class BgeSmallZhUnitTests {

    static final long CLS = 101;
    static final long SEP = 102;
    static final long PAD = 0;
    static BgeSmallZh encoder;

    @BeforeAll
    static void load() {
        encoder = new BgeSmallZh();
    }

    @Test
    void aChineseQuestionIsItsCharactersBetweenClsAndSepNeverPadded() {
        long[] ids = encoder.ids("我的卡丢了");
        assertThat(ids).hasSize(7); // five characters, each a token, and the two special tokens
        assertThat(ids[0]).isEqualTo(CLS);
        assertThat(ids[6]).isEqualTo(SEP);
        assertThat(ids).doesNotContain(PAD);
    }

    @Test
    void aLongTextIsCutAt128TokensAndStillEndsWithSep() {
        long[] ids = encoder.ids("我的银行卡还没有寄到".repeat(30));
        assertThat(ids).hasSize(BgeSmallZh.TOKENS_MAX);
        assertThat(ids[BgeSmallZh.TOKENS_MAX - 1]).isEqualTo(SEP);
    }

    @Test
    void theVectorIsTheClsRowAndTheMeanEachOfUnitLengthAndTheSameForTheSameText() {
        float[] vector = encoder.encode("转账手续费是多少");
        assertThat(vector).hasSize(BgeSmallZh.DIMENSION);
        assertThat(norm(vector, 0)).isCloseTo(1, Offset.offset(1e-5));
        assertThat(norm(vector, BgeSmallZh.WIDTH)).isCloseTo(1, Offset.offset(1e-5));
        assertThat(encoder.encode("转账手续费是多少")).isEqualTo(vector);
        assertThat(encoder.encode("我的卡丢了")).isNotEqualTo(vector);
    }

    private static double norm(float[] vector, int offset) {
        double sum = 0;
        for (int d = offset; d < offset + BgeSmallZh.WIDTH; d++) {
            sum += vector[d] * vector[d];
        }
        return Math.sqrt(sum);
    }
}
