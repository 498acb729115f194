package org.socialbank.directory;

import java.time.ZoneId;
import java.util.Objects;
import org.socialbank.shared.CustomerTime;
import org.socialbank.shared.Language;

/**
 * The one language and the one zone a customer reads in, on every chat and page (issue 13: "the
 * page language and the bot's language are one setting"; "dates everywhere in the customer's
 * zone").
 *
 * @param chosenZone the zone she chose ("zone Europe/Paris"), null while she chose none
 */
public record CustomerSettings(CustomerId customerId, Language language, ZoneId chosenZone) {

    public CustomerSettings {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(language, "language");
    }

    /** Her zone: the one she chose, else her language's. */
    public ZoneId zone() {
        return time().zone();
    }

    /** Dates and times as she reads them. */
    public CustomerTime time() {
        return CustomerTime.of(language.locale(), chosenZone);
    }
}
