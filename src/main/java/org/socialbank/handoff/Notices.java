package org.socialbank.handoff;

import java.util.ArrayList;
import java.util.List;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the bank (not the bot) tells the customer about their handoff, in their language. */
@Component
class Notices {

    /** The rating buttons' reference: {@code hcsat:<case id>:<1..5>} (at most 64 characters). */
    static final String RATING = "hcsat:";

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    String text(Language language, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, language.locale());
    }

    Outbound queued(Language language, int position) {
        return new Outbound.Text(text(language, "handoff.queued", position));
    }

    /** The same when no agent of the queue is available now: the customer should not expect an answer soon. */
    Outbound queuedNobodyOnDuty(Language language, int position) {
        return new Outbound.Text(text(language, "handoff.queued_off_duty", position));
    }

    Outbound joined(Language language, String agentName) {
        return new Outbound.Text(text(language, "handoff.joined", agentName));
    }

    Outbound backWithTheBot(Language language) {
        return new Outbound.Text(text(language, "handoff.back"));
    }

    Outbound waitedTooLong(Language language) {
        return new Outbound.Text(text(language, "handoff.timed_out"));
    }

    Outbound secretHidden(Language language) {
        return new Outbound.Text(text(language, "handoff.secret.hidden"));
    }

    /** "How did we do?" with one button per rating, 1 to 5 stars. */
    Outbound rateUs(Language language, CaseId id) {
        List<Outbound.Button> buttons = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            buttons.add(new Outbound.Button("★".repeat(stars), RATING + id.value() + ":" + stars));
        }
        return new Outbound.Buttons(text(language, "handoff.rating.ask"), buttons);
    }

    static List<String> messageKeys() {
        return List.of(
                "handoff.queued",
                "handoff.queued_off_duty",
                "handoff.joined",
                "handoff.back",
                "handoff.timed_out",
                "handoff.secret.hidden",
                "handoff.rating.ask",
                "handoff.rating.thanks",
                "handoff.rating.stale",
                "handoff.rating.comment_ask",
                "handoff.rating.comment_thanks");
    }
}
