package org.socialbank.payments;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.notifications.BudgetedSms;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.notifications.SendBudgets;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.MoneyFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends the code that proves a claimed phone (by SMS) or e-mail address (by e-mail), in the page's
 * language. The payer chose where it goes, so every code is taken from the send budgets on the
 * payer's behalf (security review #5): per payer and per destination per day, per hour in all,
 * and never to a denied number prefix.
 */
@Component
class ClaimCodeSender {

    private static final Logger log = LoggerFactory.getLogger(ClaimCodeSender.class);

    private final BudgetedSms sms;
    private final EmailGateway email;
    private final SendBudgets budgets;
    private final MessageSource messages;

    ClaimCodeSender(BudgetedSms sms, EmailGateway email, SendBudgets budgets, MessageSource messages) {
        this.sms = sms;
        this.email = email;
        this.budgets = budgets;
        this.messages = messages;
    }

    /** Sends the code; empty when it went, else the budget's refusal ({@link SendBudgets.Refused} reasons). */
    Optional<String> send(
            CustomerId payer, Alias to, String code, long amountMinor, CurrencyCode currency, Locale locale) {
        String amount = MoneyFormat.format(amountMinor, currency, locale);
        Optional<String> onBehalfOf = Optional.of(payer.value().toString());
        if (to.type() == AliasType.PHONE) {
            BudgetedSms.Outcome outcome = sms.send(
                    new SmsMessage(
                            to.value(), messages.getMessage("payments.claim.sms", new Object[] {code, amount}, locale)),
                    onBehalfOf);
            if (outcome instanceof BudgetedSms.Refused refused) {
                return Optional.of(refused.why().reason());
            }
            log.debug(
                    "Claim code sent by SMS: {}",
                    ((BudgetedSms.Sent) outcome).delivery().status());
            return Optional.empty();
        }
        if (to.type() == AliasType.EMAIL) {
            SendBudgets.Take take = budgets.take(SendBudgets.Medium.EMAIL, to.value(), onBehalfOf);
            if (take instanceof SendBudgets.Refused refused) {
                return Optional.of(refused.reason());
            }
            email.send(new EmailMessage(
                    to.value(),
                    messages.getMessage("payments.claim.email.subject", null, locale),
                    messages.getMessage("payments.claim.email.body", new Object[] {code, amount}, locale),
                    locale));
            return Optional.empty();
        }
        throw new IllegalArgumentException(
                "no code can be sent to a " + to.type().wireName());
    }
}
