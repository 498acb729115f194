package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Language;
import org.socialbank.shared.Money;
import org.socialbank.sweeping.Consent;

/**
 * Money at other banks in chat (issue 16 section 6). "Collect my money" records the request with
 * the message and answers that the other banks were asked; the sweeping module's worker asks them
 * outside the message's transaction and the outcome comes back through the outbox (every linked
 * account is asked: the customer said "my money", not which). "My other banks" lists the linked
 * accounts; "revoke other-bank" revokes those whose bank or account the text names. Private:
 * linked chats only, a neutral answer on a public network.
 */
final class SweepDialogue {

    private static final List<String> REVOKE = List.of("revoke", "révoquer", "revoquer", "отозв", "отзов", "لغو",
            "ابطال", "撤销", "解除");
    private static final List<String> COLLECT = List.of("collect", "sweep", "rassembl", "rapatri", "собра", "собер",
            "جمع", "انتقال", "归集");

    private final Texts texts;

    SweepDialogue(Texts texts) {
        this.texts = texts;
    }

    static boolean publicHere(Turn turn) {
        return PublicNetworks.isPublic(turn.channel());
    }

    Step publicAnswer(Turn turn, Language language) {
        return say(turn, language, "sweeping.chat.public");
    }

    /** A text of the intent in a linked private chat: revoke, collect, or (without either word) list. */
    Step start(Turn turn, Language language, String text) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        String lower = text.toLowerCase(Locale.ROOT);
        if (REVOKE.stream().anyMatch(lower::contains)) {
            return revoke(turn, language, customer, lower);
        }
        if (COLLECT.stream().noneMatch(lower::contains)) {
            return list(turn, language, customer);
        }
        List<Consent> asked = turn.bank().askCollection(customer);
        if (asked.isEmpty()) {
            return say(turn, language, "sweeping.chat.none");
        }
        return say(turn, language, "sweeping.chat.asked", banks(asked));
    }

    private Step list(Turn turn, Language language, CustomerId customer) {
        List<Consent> linked = turn.bank().externalAccounts(customer);
        if (linked.isEmpty()) {
            return say(turn, language, "sweeping.chat.none");
        }
        Instant now = turn.bank().now();
        StringBuilder text = new StringBuilder(texts.text(language, "sweeping.chat.list"));
        for (Consent c : linked) {
            text.append('\n').append(texts.text(language, "sweeping.chat.list_line", c.bank(), c.accountRef(),
                    Money.format(c.maxPeriodMinor(), c.currency(), language.locale()),
                    texts.text(language, "sweeping.chat.period." + c.period().name().toLowerCase(Locale.ROOT)),
                    texts.text(language, "sweeping.chat.state." + c.state(now))));
        }
        return new Step(turn.state(), List.of(new Outbound.Text(text.toString())), language);
    }

    private Step revoke(Turn turn, Language language, CustomerId customer, String lower) {
        List<Consent> named = turn.bank().externalAccounts(customer).stream().filter(c -> !c.revoked())
                .filter(c -> lower.contains(c.bank().toLowerCase(Locale.ROOT))
                        || lower.contains(c.accountRef().toLowerCase(Locale.ROOT)))
                .toList();
        if (named.isEmpty()) {
            return say(turn, language, "sweeping.chat.revoke_which");
        }
        named.forEach(c -> turn.bank().revokeExternalAccount(customer, c.id()));
        return say(turn, language, "sweeping.chat.revoked", banks(named));
    }

    private static String banks(List<Consent> consents) {
        return String.join(", ", consents.stream().map(c -> c.bank() + " (" + c.accountRef() + ")").distinct().toList());
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of("sweeping.chat.public", "sweeping.chat.none", "sweeping.chat.asked", "sweeping.chat.list",
                "sweeping.chat.list_line", "sweeping.chat.revoke_which", "sweeping.chat.revoked",
                "sweeping.chat.period.day", "sweeping.chat.period.week", "sweeping.chat.period.month",
                "sweeping.chat.period.year", "sweeping.chat.state.active", "sweeping.chat.state.expired",
                "sweeping.chat.state.revoked", "sweeping.chat.arrived", "sweeping.chat.refused.limit",
                "sweeping.chat.refused.expired", "sweeping.chat.refused.nothing", "sweeping.chat.refused.failed");
    }
}
