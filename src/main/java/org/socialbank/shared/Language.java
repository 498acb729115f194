package org.socialbank.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages socialbank speaks: the one list every module reads (chat, pages, channels'
 * settings, the assistant, the console), English first.
 */
public enum Language {
    EN,
    FR,
    RU,
    FA,
    ZH;

    private static final List<String> TAGS =
            Arrays.stream(values()).map(Language::tag).toList();

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** Persian is written right to left. */
    public boolean rightToLeft() {
        return this == FA;
    }

    /** Every language's tag in declaration order: en, fr, ru, fa, zh. */
    public static List<String> tags() {
        return TAGS;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag().equals(tag)).findFirst();
    }
}
