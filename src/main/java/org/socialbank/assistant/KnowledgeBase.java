package org.socialbank.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.socialbank.assistant.jdbc.AnswerEdits;
import org.springframework.dao.DuplicateKeyException;

/**
 * The assistant's answers per intent and language (issue 18): markdown shipped in the jar
 * ({@code assistant/answers/<lang>/<intent>.md}), which staff may override in the console. Every
 * save or revert is a new version (V62), so who changed which answer and when stays readable; the
 * newest version is what the chat shows, read on every answer, so every instance agrees at once.
 */
public class KnowledgeBase {

    /** The intents answered: BANKING77's 30 most frequent in its train split, and a lost card. */
    public static final List<String> INTENTS = List.of(
            "card_payment_fee_charged",
            "direct_debit_payment_not_recognised",
            "balance_not_updated_after_cheque_or_cash_deposit",
            "wrong_amount_of_cash_received",
            "cash_withdrawal_charge",
            "transaction_charged_twice",
            "declined_cash_withdrawal",
            "transfer_fee_charged",
            "transfer_not_received_by_recipient",
            "balance_not_updated_after_bank_transfer",
            "request_refund",
            "card_payment_not_recognised",
            "card_payment_wrong_exchange_rate",
            "extra_charge_on_statement",
            "wrong_exchange_rate_for_cash_withdrawal",
            "Refund_not_showing_up",
            "reverted_card_payment?",
            "cash_withdrawal_not_recognised",
            "pending_card_payment",
            "activate_my_card",
            "cancel_transfer",
            "beneficiary_not_allowed",
            "card_arrival",
            "declined_card_payment",
            "pending_top_up",
            "pending_transfer",
            "top_up_reverted",
            "top_up_failed",
            "pending_cash_withdrawal",
            "card_linking",
            "lost_or_stolen_card");

    /** BANKING77's intent for being paid: the chat's money requests answer it. */
    public static final String RECEIVING_MONEY = "receiving_money";

    /**
     * BANKING77's other intents that neither {@link #INTENTS} nor a route of the chat covers
     * (session 18): answered in the five languages, though only the English model tells most of
     * them apart (the fr/ru/fa/zh phrase files cover {@link #INTENTS}, receiving_money, our two
     * and, since session 18, failed_transfer, which there also takes declined_transfer's
     * questions: the two share their answer, change_pin, exchange_rate and getting_virtual_card);
     * before, a sure English
     * question of one of them got the help text. failed_transfer and declined_transfer name the
     * customer's latest payment that did not go through, and why, in a linked private chat.
     */
    public static final List<String> BANKING77_OTHERS = List.of(
            "failed_transfer",
            "declined_transfer",
            "visa_or_mastercard",
            "getting_spare_card",
            "order_physical_card",
            "get_physical_card",
            "getting_virtual_card",
            "get_disposable_virtual_card",
            "disposable_card_limits",
            "change_pin",
            "apple_pay_or_google_pay",
            "card_acceptance",
            "virtual_card_not_working",
            "contactless_not_working",
            "supported_cards_and_currencies",
            "transfer_into_account",
            "automatic_top_up",
            "verify_top_up",
            "top_up_by_cash_or_cheque",
            "top_up_by_card_charge",
            "top_up_by_bank_transfer_charge",
            "topping_up_by_card",
            "top_up_limits",
            "exchange_rate",
            "exchange_via_app",
            "exchange_charge",
            "fiat_currency_support",
            "country_support",
            "age_limit",
            "why_verify_identity",
            "verify_my_identity");

    /**
     * Every intent with an answer: {@link #INTENTS}, BANKING77's receiving_money (the chat's money
     * requests), our own {@link FeatureQuestions#INTENTS} (mobile top-up, bill payment, sending
     * money; these last four are the features' how-tos, shown before the feature itself or, for
     * sending money, beside the payment command) and {@link #BANKING77_OTHERS}.
     */
    public static final List<String> ANSWERED = Stream.of(
                    INTENTS, List.of(RECEIVING_MONEY), FeatureQuestions.INTENTS, BANKING77_OTHERS)
            .flatMap(List::stream)
            .toList();

    /**
     * BANKING77 intents that ask what another intent's answer already says: "when will my card
     * arrive?" (card_delivery_estimate) is answered as card_arrival, and a vote on it counts there.
     */
    public static final Map<String, String> SAME_ANSWER = Map.of("card_delivery_estimate", "card_arrival");

    /**
     * The hash a vote records for an intent without a written answer (a route's message): its votes
     * have one version.
     */
    public static final String NO_TEXT = "-";

    /** The longest answer staff may save, in characters of markdown. */
    public static final int MARKDOWN_MAX = 4000;

    /** The most versions one answer's history shows. */
    public static final int HISTORY_MAX = 50;

    /**
     * An answer as the chat shows it.
     *
     * @param variants per variable ({@code card_issued_on}), the answer to show when it is known,
     *     with {@code {variable}} where the value goes
     * @param version 0 for the shipped markdown, else the staff version shown
     */
    public record Answer(
            String intent,
            String language,
            String title,
            String text,
            Map<String, String> variants,
            String markdown,
            int version) {

        /** The answer with the known values filled in: a variant whose variable is known, else the plain text. */
        public String shown(Map<String, String> known) {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                String value = known.get(variant.getKey());
                if (value != null) {
                    return variant.getValue().replace("{" + variant.getKey() + "}", value);
                }
            }
            return text;
        }

        /**
         * Which text this is, as a vote records it: 16 hex digits of the markdown's SHA-256, so a
         * staff edit (or a new shipped text) starts its own count and a revert finds the shipped
         * one's again (review 2026-12-07 assistant follow-up).
         */
        public String hash() {
            return hashOf(markdown);
        }
    }

    /** The intent whose answer the chat shows for {@code intent} ({@link #SAME_ANSWER}). */
    public static String shownIntent(String intent) {
        return SAME_ANSWER.getOrDefault(intent, intent);
    }

    /** The hash of the text shown now for the intent in the language, {@link #NO_TEXT} without one. */
    public String currentHash(String intent, String language) {
        return answer(shownIntent(intent), language).map(Answer::hash).orElse(NO_TEXT);
    }

    static String hashOf(String markdown) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(AnswerMarkdown.normalized(markdown).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** One version staff saved ({@code markdown} null: the shipped answer put back). */
    public record Version(int version, String markdown, String staff, Instant at) {}

    /** What a save or a revert did. */
    public sealed interface Change permits Saved, Refused {}

    public record Saved(int version) implements Change {}

    /**
     * @param code {@code unknown_answer}, {@code stale} (someone saved a newer version first),
     *     {@code unchanged}, {@code blank_answer}, {@code answer_too_long}, {@code missing_title},
     *     {@code unknown_variable}, {@code variable_outside_section}, {@code foreign_variable} (another variable inside a
     *     section), {@code blank_section}, {@code variable_not_for_intent}
     *     (a {@code ## With} section of a variable this intent's answer may not name, {@link #mayName})
     */
    public record Refused(String code) implements Change {}

    private final Map<String, Answer> shipped;
    private final AnswerEdits edits;
    private final Clock clock;

    KnowledgeBase(AnswerEdits edits, Clock clock) {
        this.shipped = loadShipped();
        this.edits = edits;
        this.clock = clock;
    }

    /** The answer the chat shows now: staff's newest version, else the shipped one. */
    public Optional<Answer> answer(String intent, String language) {
        Optional<Answer> original = shipped(intent, language);
        if (original.isEmpty()) {
            return original;
        }
        return edits.latest(intent, language)
                .filter(row -> row.markdown() != null)
                .map(row -> parsed(intent, language, row.markdown(), row.version()))
                .or(() -> original);
    }

    /** The markdown shipped in the jar for the intent and language. */
    public Optional<Answer> shipped(String intent, String language) {
        return Optional.ofNullable(shipped.get(key(intent, language)));
    }

    /** The newest version staff saved of every answer they changed, by "intent/language". */
    public Map<String, Version> edited() {
        Map<String, Version> latest = new HashMap<>();
        for (AnswerEdits.Row row : edits.latestOfEach()) {
            latest.put(key(row.intent(), row.language()), version(row));
        }
        return latest;
    }

    /** One answer's versions, newest first. */
    public List<Version> history(String intent, String language) {
        return edits.history(intent, language, HISTORY_MAX).stream()
                .map(KnowledgeBase::version)
                .toList();
    }

    /**
     * Whether the intent's answer may name the variable: her card's days only card_arrival's, her
     * latest payment that paid nobody only failed_transfer's and declined_transfer's (review
     * 2026-12-07). The chat fills no other; a save that names another is refused.
     */
    public static boolean mayName(String intent, String variable) {
        return AnswerMarkdown.fits(variable, intent);
    }

    /** What the chat would show for this markdown, or why it cannot be saved. */
    public Optional<Answer> preview(String intent, String language, String markdown) {
        return shipped(intent, language).isEmpty()
                ? Optional.empty()
                : AnswerMarkdown.read(markdown, intent) instanceof AnswerMarkdown.Parsed
                        ? Optional.of(parsed(intent, language, markdown, 0))
                        : Optional.empty();
    }

    /** Why this markdown cannot be saved as the intent's answer, if it cannot. */
    public Optional<String> problem(String intent, String markdown) {
        return AnswerMarkdown.read(markdown, intent) instanceof AnswerMarkdown.Malformed m
                ? Optional.of(m.code())
                : Optional.empty();
    }

    /**
     * Saves a new version of one answer, if {@code basedOn} is still the newest version (0: none)
     * and the markdown reads; the caller audits it in the same transaction.
     */
    public Change edit(String intent, String language, String markdown, int basedOn, String staff) {
        if (shipped(intent, language).isEmpty()) {
            return new Refused("unknown_answer");
        }
        if (AnswerMarkdown.read(markdown, intent) instanceof AnswerMarkdown.Malformed m) {
            return new Refused(m.code());
        }
        String normal = AnswerMarkdown.normalized(markdown); // as read, its length checked: fits VARCHAR(4000)
        if (normal.equals(
                AnswerMarkdown.normalized(answer(intent, language).orElseThrow().markdown()))) {
            return new Refused("unchanged");
        }
        return insert(intent, language, normal, basedOn, staff);
    }

    /** Puts the shipped answer back, as a new version. */
    public Change revert(String intent, String language, int basedOn, String staff) {
        if (shipped(intent, language).isEmpty()) {
            return new Refused("unknown_answer");
        }
        if (answer(intent, language).orElseThrow().version() == 0) {
            return new Refused("unchanged");
        }
        return insert(intent, language, null, basedOn, staff);
    }

    private Change insert(String intent, String language, String markdown, int basedOn, String staff) {
        int newest =
                edits.latest(intent, language).map(AnswerEdits.Row::version).orElse(0);
        if (newest != basedOn) {
            return new Refused("stale");
        }
        try {
            edits.insert(intent, language, newest + 1, markdown, staff, clock.instant());
        } catch (DuplicateKeyException e) { // another editor saved the same version a moment before
            return new Refused("stale");
        }
        return new Saved(newest + 1);
    }

    /** The file of an intent's answer: its name without BANKING77's "?" ("reverted_card_payment?"). */
    static String resource(String intent, String language) {
        return "assistant/answers/" + language + "/" + intent.replace("?", "") + ".md";
    }

    /** The answers shipped in the jar, by "intent/language" (read and checked at start). */
    static Map<String, Answer> loadShipped() {
        Map<String, Answer> all = new HashMap<>();
        for (String language : org.socialbank.shared.Language.tags()) {
            for (String intent : ANSWERED) {
                String markdown = read(resource(intent, language));
                all.put(key(intent, language), parsed(intent, language, markdown, 0));
            }
        }
        return Map.copyOf(all);
    }

    private static Answer parsed(String intent, String language, String markdown, int version) {
        if (!(AnswerMarkdown.read(markdown) instanceof AnswerMarkdown.Parsed p)) {
            throw new IllegalStateException("The answer " + language + "/" + intent + " does not read: "
                    + ((AnswerMarkdown.Malformed) AnswerMarkdown.read(markdown)).code());
        }
        return new Answer(intent, language, p.title(), p.text(), p.variants(), markdown, version);
    }

    private static String read(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The knowledge base lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Version version(AnswerEdits.Row row) {
        return new Version(row.version(), row.markdown(), row.staff(), row.at());
    }

    private static String key(String intent, String language) {
        return intent + "/" + language;
    }
}
