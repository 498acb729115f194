package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedNameUnitTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Bob Brown            | Bob B.",
                "Camille Dubois       | Camille D.",
                "Борис Иванов         | Б. Иванов",
                "王芳                  | 王*",
                "欧阳娜娜               | 欧***",
                "سارا احمدی            | سارا ا.",
                "Mary Ann Smith       | Mary S.",
                "Cher                 | Ch…"
            })
    void showsEnoughToRecogniseAFriendAndNoMore(String name, String masked) {
        assertThat(MaskedName.of(name)).isEqualTo(masked);
    }
}
