package org.socialbank.conversation.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.alerts.PublicNetworks;
import org.socialbank.billing.BillSaved;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.shared.Language;

/**
 * Saving a bill in chat (issue 15 s1): "save this bill as home water", "این قبض را با نام آب خانه
 * ذخیره کن", "把这张账单保存为家里水费", "сохрани этот счёт как вода дома", "enregistre cette facture
 * sous eau maison". The customer's latest bill is kept under the name; reminders with a one-tap
 * Pay button come before its due dates. Private: linked chats only.
 */
final class SavedBillDialogue {

    private static final int TEXT_LENGTH_MAX = 200;
    private static final List<Form> FORMS = List.of(
            new Form(
                    Language.EN,
                    Pattern.compile("^\\s*save (?:this|the|my) bill as\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE)),
            new Form(
                    Language.FR,
                    Pattern.compile(
                            "^\\s*(?:enregistre|sauvegarde)r?\\s+(?:cette|la|ma) facture\\s+"
                                    + "(?:sous|comme)\\s+(?:le nom\\s+)?(.+?)\\s*$",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)),
            new Form(
                    Language.RU,
                    Pattern.compile(
                            "^\\s*сохрани(?:ть)?\\s+(?:этот\\s+|эту\\s+|мой\\s+|мою\\s+)?"
                                    + "(?:сч[её]т|квитанцию)\\s+как\\s+(.+?)\\s*$",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)),
            new Form(
                    Language.FA,
                    Pattern.compile("^\\s*(?:این\\s+)?قبض\\s+(?:را\\s+)?(?:با\\s+نام|به\\s+اسم)\\s+(.+?)\\s+"
                            + "ذخیره\\s+کن\\s*$")),
            new Form(Language.ZH, Pattern.compile("^\\s*(?:把)?(?:这张|这个)?账单保存为\\s*(.+?)\\s*$")),
            new Form(Language.ZH, Pattern.compile("^\\s*保存(?:这张|这个)?账单为\\s*(.+?)\\s*$")));

    private record Form(Language language, Pattern pattern) {}

    /** A request to save the latest bill under a name. */
    record Request(Language language, String name) {}

    private final Texts texts;

    SavedBillDialogue(Texts texts) {
        this.texts = texts;
    }

    static Optional<Request> read(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            if (m.matches()) {
                return Optional.of(new Request(
                        form.language(), m.group(1).replaceAll("[.!。！]+$", "").strip()));
            }
        }
        return Optional.empty();
    }

    Step start(Turn turn, Language language, Request request) {
        if (PublicNetworks.isPublic(turn.channel())) {
            return say(turn, language, "billing.chat.public");
        }
        BillSaved saved = turn.bank().saveBill(turn.linked().orElseThrow().customerId(), request.name());
        if (saved.saved()) {
            return say(turn, language, "billing.saved.done", saved.name(), saved.billId());
        }
        return say(
                turn,
                language,
                "no_recent_bill".equals(saved.code()) ? "billing.saved.none" : "billing.saved.invalid_name");
    }

    private Step say(Turn turn, Language language, String key, Object... args) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key, args))), language);
    }

    static List<String> messageKeys() {
        return List.of(
                "billing.saved.done",
                "billing.saved.none",
                "billing.saved.invalid_name",
                "billing.saved.reminder",
                "billing.saved.pay_button");
    }
}
