package org.socialbank.conversation.engine;

import java.util.ArrayList;
import java.util.List;
import org.socialbank.alerts.TransactionDigestDue;
import org.socialbank.conversation.Outbound;
import org.socialbank.shared.Dates;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a customer's daily digest of alerts (issue 17) to the outbox of the chat the alerts
 * module chose, in the transaction that records the digest: once per customer per day. A plain
 * text, so that WhatsApp and WeChat can carry it as their alert template outside their windows.
 */
@Component
class AlertDigestMessages {

    private final Outbox outbox;
    private final MessageTexts texts;

    AlertDigestMessages(Outbox outbox, MessageTexts texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(TransactionDigestDue digest) {
        outbox.write(
                new JdbcConversations.Chat(digest.chatIdentity(), digest.channel(), digest.recipient()),
                new Outbound.Text(text(digest)));
    }

    String text(TransactionDigestDue digest) {
        Language language = digest.language();
        // noon of the day, written in the language's zone, names that day whatever the zone
        String day = Dates.date(
                digest.day()
                        .atTime(12, 0)
                        .atZone(Dates.zoneOf(language.locale()))
                        .toInstant(),
                language.locale());
        List<String> lines = new ArrayList<>();
        lines.add(texts.text(language, digest.weekly() ? "alerts.digest.week.title" : "alerts.digest.title", day));
        lines.add(texts.text(language, "alerts.digest.postings", digest.postings()));
        for (TransactionDigestDue.Total t : digest.totals()) {
            if (t.incomingMinor() > 0) {
                lines.add(texts.text(
                        language,
                        "alerts.digest.in",
                        MoneyFormat.format(t.incomingMinor(), t.currency(), language.locale())));
            }
            if (t.outgoingMinor() > 0) {
                lines.add(texts.text(
                        language,
                        "alerts.digest.out",
                        MoneyFormat.format(t.outgoingMinor(), t.currency(), language.locale())));
            }
            if (t.feeMinor() > 0) {
                lines.add(texts.text(
                        language,
                        "alerts.digest.fees",
                        MoneyFormat.format(t.feeMinor(), t.currency(), language.locale())));
            }
            lines.add(texts.text(
                    language,
                    "alerts.digest.balance",
                    MoneyFormat.format(t.balanceAfterMinor(), t.currency(), language.locale())));
        }
        return String.join("\n", lines);
    }
}
