package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.sweeping.CollectInChat;
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

    /** The action of an account button: the consent's id and the amount asked ("" for all). */
    static final String COLLECT_FROM = "sweep.collect:";

    private static final List<String> REVOKE =
            List.of("revoke", "révoquer", "revoquer", "отозв", "отзов", "لغو", "ابطال", "撤销", "解除");
    private static final List<String> COLLECT =
            List.of("collect", "sweep", "rassembl", "rapatri", "собра", "собер", "جمع", "انتقال", "归集");

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
        return collect(turn, language, customer, lower);
    }

    static boolean handles(String action) {
        return action.startsWith(COLLECT_FROM);
    }

    /**
     * "Collect 200 from other-bank": the account the text names (or the only one), the amount it
     * names (or all the consent allows); several accounts and none named: the customer chooses.
     */
    private Step collect(Turn turn, Language language, CustomerId customer, String lower) {
        List<Consent> active = turn.bank().externalAccounts(customer).stream()
                .filter(c -> !c.revoked())
                .toList();
        if (active.isEmpty()) {
            return say(turn, language, "sweeping.chat.none");
        }
        List<Consent> named = active.stream()
                .filter(c -> lower.contains(c.bank().toLowerCase(Locale.ROOT))
                        || lower.contains(c.accountRef().toLowerCase(Locale.ROOT)))
                .toList();
        List<Consent> choice = named.size() == 1 ? named : active.size() == 1 ? active : List.of();
        java.util.Optional<java.math.BigDecimal> amount = amount(lower, active);
        if (choice.isEmpty()) {
            List<Outbound.Button> buttons = new java.util.ArrayList<>();
            for (Consent c : (named.isEmpty() ? active : named)
                    .subList(0, Math.min(6, (named.isEmpty() ? active : named).size()))) {
                buttons.add(new Outbound.Button(
                        c.bank() + " · " + tail(c.accountRef()),
                        turn.bank()
                                .button(
                                        COLLECT_FROM + c.id().value() + "|"
                                                + amount.map(java.math.BigDecimal::toPlainString)
                                                        .orElse(""),
                                        turn.state().formVersion())));
            }
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Buttons(texts.text(language, "sweeping.chat.which_account"), buttons)),
                    language);
        }
        return ask(turn, language, customer, choice.get(0), amount);
    }

    /** A press of an account offered: the amount the text named travels in the button. */
    Step press(Turn turn, Language language, String action) {
        CustomerId customer = turn.linked().orElseThrow().customerId();
        String[] parts = action.substring(COLLECT_FROM.length()).split("\\|", -1);
        java.util.Optional<Consent> consent = turn.bank().externalAccounts(customer).stream()
                .filter(c -> c.id().value().toString().equals(parts[0]))
                .findFirst();
        if (consent.isEmpty()) {
            return say(turn, language, "sweeping.chat.none");
        }
        return ask(
                turn,
                language,
                customer,
                consent.get(),
                parts[1].isEmpty()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(new java.math.BigDecimal(parts[1])));
    }

    private Step ask(
            Turn turn,
            Language language,
            CustomerId customer,
            Consent consent,
            java.util.Optional<java.math.BigDecimal> amount) {
        Long minor;
        try {
            minor = amount.map(
                            a -> a.movePointRight(consent.currency().exponent()).longValueExact())
                    .orElse(null);
        } catch (ArithmeticException e) {
            return say(turn, language, "sweeping.chat.amount_not_valid");
        }
        CollectInChat.Offer offer = turn.bank().collect(customer, consent.id(), minor);
        if (offer instanceof CollectInChat.Asked) {
            return say(turn, language, "sweeping.chat.asked", consent.bank() + " (" + consent.accountRef() + ")");
        }
        if (offer instanceof CollectInChat.ToConfirm c) {
            String amountText = MoneyFormat.format(c.amountMinor(), consent.currency(), language.locale());
            return new Step(
                    turn.state(),
                    List.of(new Outbound.Link(
                            texts.text(
                                    language,
                                    c.all() ? "sweeping.chat.confirm_all" : "sweeping.chat.confirm",
                                    amountText,
                                    consent.bank()),
                            texts.text(language, "sweeping.chat.confirm_button"),
                            c.url())),
                    language);
        }
        String code = ((CollectInChat.NotOffered) offer).code();
        return say(
                turn,
                language,
                switch (code) {
                    case "invalid_amount" -> "sweeping.chat.amount_not_valid";
                    case "over_payment_limit" -> "sweeping.chat.refused.limit";
                    case "confirmation_unavailable" -> "sweeping.chat.confirmation_unavailable";
                    default -> "sweeping.chat.none";
                },
                consent.bank());
    }

    /** The first number the text names ("collect 200", "۲۰۰", "1 500,50"), not one inside an account's name. */
    private static java.util.Optional<java.math.BigDecimal> amount(String lower, List<Consent> consents) {
        String text = lower;
        for (Consent c : consents) {
            text = text.replace(c.accountRef().toLowerCase(Locale.ROOT), " ")
                    .replace(c.bank().toLowerCase(Locale.ROOT), " ");
        }
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> ascii.append(
                        Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c == '\u066B' ? '.' : (char) c));
        java.util.regex.Matcher m = AMOUNT.matcher(ascii);
        return m.find()
                ? java.util.Optional.of(new java.math.BigDecimal(m.group(1).replace(',', '.')))
                : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("(?<![\\w.,])(\\d{1,12}(?:[.,]\\d{1,2})?)(?![\\d])");

    private static String tail(String accountRef) {
        return accountRef.length() <= 8 ? accountRef : "…" + accountRef.substring(accountRef.length() - 8);
    }

    private Step list(Turn turn, Language language, CustomerId customer) {
        List<Consent> linked = turn.bank().externalAccounts(customer);
        if (linked.isEmpty()) {
            return say(turn, language, "sweeping.chat.none");
        }
        Instant now = turn.bank().now();
        StringBuilder text = new StringBuilder(texts.text(language, "sweeping.chat.list"));
        for (Consent c : linked) {
            text.append('\n')
                    .append(texts.text(
                            language,
                            "sweeping.chat.list_line",
                            c.bank(),
                            c.accountRef(),
                            MoneyFormat.format(c.maxPeriodMinor(), c.currency(), language.locale()),
                            texts.text(
                                    language,
                                    "sweeping.chat.period." + c.period().name().toLowerCase(Locale.ROOT)),
                            texts.text(language, "sweeping.chat.state." + c.state(now))));
        }
        // the same list on the bank's page, where each consent can be revoked with a button
        return new Step(
                turn.state(),
                List.of(turn.bank()
                        .linkedAccountsPage(customer)
                        .<Outbound>map(url -> new Outbound.Link(
                                text.toString(), texts.text(language, "sweeping.chat.manage_button"), url))
                        .orElseGet(() -> new Outbound.Text(text.toString()))),
                language);
    }

    private Step revoke(Turn turn, Language language, CustomerId customer, String lower) {
        List<Consent> named = turn.bank().externalAccounts(customer).stream()
                .filter(c -> !c.revoked())
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
        return String.join(
                ", ",
                consents.stream()
                        .map(c -> c.bank() + " (" + c.accountRef() + ")")
                        .distinct()
                        .toList());
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "sweeping.chat.public",
                "sweeping.chat.none",
                "sweeping.chat.asked",
                "sweeping.chat.list",
                "sweeping.chat.list_line",
                "sweeping.chat.revoke_which",
                "sweeping.chat.revoked",
                "sweeping.chat.period.day",
                "sweeping.chat.period.week",
                "sweeping.chat.period.month",
                "sweeping.chat.period.year",
                "sweeping.chat.state.active",
                "sweeping.chat.state.expired",
                "sweeping.chat.state.revoked",
                "sweeping.chat.arrived",
                "sweeping.chat.refused.limit",
                "sweeping.chat.refused.expired",
                "sweeping.chat.refused.nothing",
                "sweeping.chat.refused.failed",
                "sweeping.chat.which_account",
                "sweeping.chat.amount_not_valid",
                "sweeping.chat.confirm",
                "sweeping.chat.confirm_all",
                "sweeping.chat.confirm_button",
                "sweeping.chat.confirmation_unavailable",
                "sweeping.collect.label",
                "sweeping.collect.label_all",
                "sweeping.chat.manage_button");
    }
}
