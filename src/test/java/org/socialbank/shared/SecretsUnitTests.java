package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "4111111111111111|••••••••••••1111",
                "card 4111 1111 1111 1111 please|card •••• •••• •••• 1111 please",
                "5500-0000-0000-0004|••••-••••-••••-0004",
                "my PIN is 1234|my PIN is ••••",
                "код 123456|код ••••••",
                "验证码：654321|验证码：••••••",
                "رمز ۱۲۳۴|رمز ••••",
                "PINs: 1234|PINs: ••••",
                "пин-код 4321|пин-код ••••",
                "您的密码是123456|您的密码是••••••",
                "your code is 123456|your code is ••••••"
            })
    void masksSecrets(String text, String masked) {
        assertThat(Secrets.screen(text)).isEqualTo(new Secrets.Screened(masked, true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "pay @bob 10",
                "my number is +33612345678",
                "4111111111111112",
                "order 20231201",
                // a word that names a code only inside another word
                "your shipping fee of 2500",
                "the barcode 12345678 is wrong",
                "in my opinion 2024 was better",
                "штрихкод 4600123"
            })
    void leavesOtherTextsAlone(String text) {
        assertThat(Secrets.screen(text)).isEqualTo(new Secrets.Screened(text, false));
    }

    @Test
    void persianDigitsPassTheLuhnCheck() {
        assertThat(Secrets.luhn("۴۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱")).isTrue();
    }
}
