package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderAnswerUnitTests {

    @Test
    @DisplayName(
            "a provider's reason with a NUL or other control character is stored without it: PostgreSQL refuses a NUL in text (review 2026-12-07 billing follow-up)")
    void controlCharactersAreReplaced() {
        assertThat(new ProviderAnswer.Failed("bad\u0000reason\n").reason()).isEqualTo("bad\uFFFDreason\uFFFD");
        assertThat(new ProviderAnswer.Unknown("\u0000").reason()).isEqualTo("\uFFFD");
        assertThat(new ProviderAnswer.Succeeded("ref-\u001b[31m").reference()).isEqualTo("ref-\uFFFD[31m");
    }

    @Test
    @DisplayName(
            "a long reason is cut at 64 characters, never inside a character made of two (review 2026-12-07 billing follow-up)")
    void cutNeverSplitsACharacter() {
        String emoji = "\uD83D\uDCB3"; // a card, two chars
        String text = "x".repeat(63) + emoji + "tail";
        assertThat(new ProviderAnswer.Failed(text).reason()).isEqualTo("x".repeat(63));
        assertThat(new ProviderAnswer.Failed("x".repeat(62) + emoji + "tail").reason())
                .isEqualTo("x".repeat(62) + emoji);
        assertThat(new ProviderAnswer.Failed("a\uDC00b").reason()).isEqualTo("a\uFFFDb");
        assertThat(new ProviderAnswer.Failed("é".repeat(70)).reason()).hasSize(ProviderAnswer.TEXT_LENGTH_MAX);
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> new ProviderAnswer.Failed(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
