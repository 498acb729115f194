package org.socialbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 14 item 4: one list of languages, read by every module that used to restate it. */
class LanguageUnitTests {

    @Test
    void theTagsAreTheFiveLanguagesEnglishFirst() {
        assertThat(Language.tags()).containsExactly("en", "fr", "ru", "fa", "zh");
    }

    @Test
    void aTagNamesItsLanguageAndNothingElseIsALanguage() {
        for (Language language : Language.values()) {
            assertThat(Language.fromTag(language.tag())).contains(language);
        }
        assertThat(Language.fromTag("und")).isEmpty();
        assertThat(Language.fromTag("EN")).isEmpty();
    }
}
