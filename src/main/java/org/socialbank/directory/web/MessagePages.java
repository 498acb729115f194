package org.socialbank.directory.web;

import org.springframework.ui.Model;

/** The one template for pages that only say something: a title and a sentence, both message keys. */
final class MessagePages {

    static final String MESSAGE = "message";

    private MessagePages() {}

    static String message(Model model, String key) {
        model.addAttribute("titleKey", key + ".title");
        model.addAttribute("bodyKey", key + ".body");
        return MESSAGE;
    }

    /** A moment as the page's reader reads it, in her zone (never "UTC" on a customer's page). */
    static String at(java.time.Instant at) {
        return org.socialbank.shared.web.PageSettings.time()
                .dateTime(at); // her zone when the page knows her (issue 13)
    }
}
