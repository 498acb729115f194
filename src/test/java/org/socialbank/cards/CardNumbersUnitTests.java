package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class CardNumbersUnitTests {

    private static final long SEED = System.nanoTime();

    @Test
    void knowsTheLuhnCheckDigit() {
        assertThat(CardNumbers.luhnValid("4111111111111111")).isTrue();
        assertThat(CardNumbers.luhnValid("5500005555555559")).isTrue();
        assertThat(CardNumbers.luhnValid("4111111111111112")).isFalse();
        assertThat(CardNumbers.luhnValid("411111111111111a")).isFalse();
        assertThat(CardNumbers.luhnValid("411111111111")).as("too short").isFalse();
        assertThat(CardNumbers.luhnValid(null)).isFalse();
        assertThat(CardNumbers.checkDigit("411111111111111")).isEqualTo(1);
    }

    @Test
    void masksAllButTheFirstSixAndTheLastFour() {
        assertThat(CardNumbers.mask("4111111111111111")).isEqualTo("411111******1111");
        assertThat(CardNumbers.mask("5500005555555559")).isEqualTo("550000******5559");
        assertThatThrownBy(() -> CardNumbers.mask("4111111111111112")).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(50)
    void issuesLuhnValidNumbersUnderTheBinThatMaskToSixAndFour(RepetitionInfo repetition) {
        long seed = SEED + repetition.getCurrentRepetition();
        String number = CardNumbers.issue("400012", new SplittableRandom(seed));
        String masked = CardNumbers.mask(number);
        assertThat(number).as("seed %d", seed).hasSize(CardNumbers.LENGTH).startsWith("400012");
        assertThat(CardNumbers.luhnValid(number)).as("seed %d", seed).isTrue();
        assertThat(masked).as("seed %d", seed).matches("400012\\*{6}[0-9]{4}").endsWith(number.substring(12));
        assertThat(masked.chars().filter(Character::isDigit).count()).isEqualTo(10);
    }

    @Test
    void refusesABinThatIsNotSixDigits() {
        assertThatThrownBy(() -> CardNumbers.issue("40001", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
