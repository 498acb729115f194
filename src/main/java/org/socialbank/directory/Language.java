package org.socialbank.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages socialbank speaks. */
public enum Language {
    EN, FR, RU, FA, ZH;

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

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag().equals(tag)).findFirst();
    }
}
