package org.socialbank.directory.web;

import org.springframework.ui.Model;

/** The one template for pages that only say something: a title and a sentence, both message keys. */
final class Pages {

    static final String MESSAGE = "message";

    private Pages() {
    }

    static String message(Model model, String key) {
        model.addAttribute("titleKey", key + ".title");
        model.addAttribute("bodyKey", key + ".body");
        return MESSAGE;
    }

    /** A moment as the pages show it: "2026-12-01 21:30 UTC". */
    static String utc(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }
}
