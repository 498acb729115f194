package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Seeds;

class BookingCodesUnitTests {

    @Test
    void codesAreSixCharactersWithoutLookAlikes() {
        for (char c : "0O1IL2Z5S8BDQUV".toCharArray()) {
            assertThat(BookingCodes.ALPHABET).doesNotContain(String.valueOf(c));
        }
        long seed = Seeds.seed("BookingCodesUnitTests");
        RandomGenerator random = Seeds.random(seed);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = BookingCodes.next(random);
            assertThat(code).as(Seeds.replay(seed)).hasSize(BookingCodes.LENGTH);
            assertThat(BookingCodes.isCode(code)).as(Seeds.replay(seed)).isTrue();
            seen.add(code);
        }
        assertThat(seen).as(Seeds.replay(seed)).hasSizeGreaterThan(9_990); // ~8.6e7 codes: collisions are rare
        assertThat(BookingCodes.next()).matches("[" + BookingCodes.ALPHABET + "]{6}");
    }

    @Test
    void aCodeReadOutIsNormalised() {
        assertThat(BookingCodes.normalize("k7x-m 3a")).isEqualTo("K7XM3A");
        assertThat(BookingCodes.isCode(BookingCodes.normalize("k7x-m 3a"))).isTrue();
        assertThat(BookingCodes.isCode("K7XM3O")).isFalse();
        assertThat(BookingCodes.isCode(null)).isFalse();
    }
}
