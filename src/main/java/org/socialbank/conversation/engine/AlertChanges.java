package org.socialbank.conversation.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.alerts.Alerts;
import org.socialbank.conversation.dialogue.Bank.AlertsAnswer;
import org.socialbank.conversation.language.AlertCommand;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.MoneyFormat;
import org.socialbank.shared.Network;

/** Applies a chat command on alert settings (issue 17) and says what it did. */
final class AlertChanges {

    private AlertChanges() {}

    static AlertsAnswer apply(
            Alerts alerts,
            ChannelIdentities identities,
            CustomerId customer,
            AlertCommand command,
            Language language,
            Optional<CurrencyCode> primary) {
        if (command instanceof AlertCommand.Page) {
            return new AlertsAnswer("alerts.settings.page", alerts.pageLink(customer));
        }
        AlertSettings settings = alerts.settings(customer);
        if (command instanceof AlertCommand.Off) {
            alerts.save(settings.withAll(false));
            return new AlertsAnswer("alerts.settings.off", "");
        }
        if (command instanceof AlertCommand.On) {
            alerts.save(settings.withAll(true));
            return new AlertsAnswer("alerts.settings.on", "");
        }
        if (command instanceof AlertCommand.Min min) {
            CurrencyCode currency = primary.orElse(CurrencyCode.of("EUR"));
            OptionalLong minor = minor(min, currency);
            if (minor.isEmpty()) {
                return new AlertsAnswer(
                        "alerts.settings.min",
                        MoneyFormat.format(
                                settings.minAmountMinor(),
                                currency,
                                language.locale())); // more decimals than the currency has: unchanged
            }
            alerts.save(settings.withMinAmountMinor(minor.getAsLong()));
            return new AlertsAnswer(
                    "alerts.settings.min", MoneyFormat.format(minor.getAsLong(), currency, language.locale()));
        }
        if (command instanceof AlertCommand.Delivery d) {
            alerts.save(settings.withDelivery(
                    org.socialbank.alerts.AlertDelivery.fromWireName(d.how()).orElseThrow()));
            return new AlertsAnswer("alerts.settings.delivery." + d.how(), "");
        }
        if (command instanceof AlertCommand.QuietOff) {
            alerts.save(settings.withQuietHours(null, null));
            return new AlertsAnswer("alerts.settings.quiet_off", "");
        }
        if (command instanceof AlertCommand.Quiet q) {
            alerts.save(settings.withQuietHours(q.from(), q.to()));
            return new AlertsAnswer("alerts.settings.quiet", clock(q.from(), language) + "–" + clock(q.to(), language));
        }
        AlertCommand.SendTo to = (AlertCommand.SendTo) command;
        if (to.channel().isEmpty()) {
            return new AlertsAnswer("alerts.settings.channel_unknown", to.named());
        }
        Network channel = to.channel().get(); // X too: an alert goes to the account by DM, never as a tweet
        boolean linked = identities.linkedChats(customer, Locale.ROOT).stream().anyMatch(c -> c.channel() == channel);
        if (!linked) {
            return new AlertsAnswer("alerts.settings.channel_unknown", channel.wireName());
        }
        alerts.save(settings.withPreferredChannel(channel));
        return new AlertsAnswer("alerts.settings.channel", channel.wireName());
    }

    /** 22:00 in the language's digits (Persian: ۲۲:۰۰). */
    private static String clock(java.time.LocalTime t, Language language) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm", language.locale())
                .withDecimalStyle(java.time.format.DecimalStyle.of(language.locale()))
                .format(t);
    }

    private static OptionalLong minor(AlertCommand.Min min, CurrencyCode currency) {
        try {
            return OptionalLong.of(
                    min.amount().movePointRight(currency.exponent()).longValueExact());
        } catch (ArithmeticException inexact) {
            return OptionalLong.empty();
        }
    }
}
