package org.socialbank.conversation.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.BadRequest;

/**
 * What to parse and where it was written; only {@code text} is required.
 *
 * @param locale the chat's language, a BCP 47 tag of one of en, fr, ru, fa, zh (fa-IR is fa)
 * @param network the channel's network, for {@code @handle}s
 * @param region where local phone numbers are read (ISO 3166, e.g. IR)
 * @param recentPayees the payer's recent payees' names, found in the text as payees
 * @param bankHandles the bank's own handles, never payees ({@code @SMoneyfr #envoyer 10EUR @dest})
 */
record ParseBody(
        String text,
        String locale,
        String network,
        String region,
        List<String> recentPayees,
        List<String> bankHandles) {

    /** The text, checked: present and at most {@link CommandParser#TEXT_LENGTH_MAX} characters. */
    String checkedText() {
        if (text == null) {
            throw new BadRequest("missing: text");
        }
        if (!CommandParser.withinLimit(text)) {
            throw new BadRequest("text is longer than " + CommandParser.TEXT_LENGTH_MAX + " characters");
        }
        return text;
    }

    Optional<Language> hint() {
        if (locale == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(locale).getLanguage();
        return Optional.of(Language.fromTag(language)
                .orElseThrow(() -> new BadRequest(
                        "locale must be one of en, fr, ru, fa, zh (a region such as fa-IR may follow)")));
    }

    Context context() {
        Network channel = network == null
                ? null
                : Network.fromWireName(network)
                        .orElseThrow(() -> new BadRequest("unknown network '" + network + "'; one of "
                                + List.of(Network.values()).stream()
                                        .map(Network::wireName)
                                        .toList()));
        if (bankHandles != null && bankHandles.contains(null)) {
            throw new BadRequest("bankHandles may not hold null");
        }
        List<String> recent = recentPayees == null ? List.of() : recentPayees;
        Set<String> handles = bankHandles == null ? Set.of() : new LinkedHashSet<>(bankHandles);
        return BadRequest.whenRefused(() -> new Context(channel, region, recent, handles));
    }
}
