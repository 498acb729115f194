package org.socialbank.listening.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a case answers, which sets its deadline: a public mention (minutes) or a formal complaint (business days). */
public enum CaseKind {
    PUBLIC_MENTION,
    COMPLAINT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
