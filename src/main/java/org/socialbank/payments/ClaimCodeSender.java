package org.socialbank.payments;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.notifications.SmsDelivery;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Sends the code that proves a claimed phone (by SMS) or e-mail address (by e-mail), in the page's language. */
@Component
class ClaimCodeSender {

    private static final Logger log = LoggerFactory.getLogger(ClaimCodeSender.class);

    private final SmsGateway sms;
    private final EmailGateway email;
    private final MessageSource messages;

    ClaimCodeSender(SmsGateway sms, EmailGateway email, MessageSource messages) {
        this.sms = sms;
        this.email = email;
        this.messages = messages;
    }

    void send(Alias to, String code, long amountMinor, CurrencyCode currency, Locale locale) {
        String amount = Money.format(amountMinor, currency, locale);
        if (to.type() == AliasType.PHONE) {
            SmsDelivery delivery = sms.send(new SmsMessage(to.value(),
                    messages.getMessage("payments.claim.sms", new Object[] {code, amount}, locale)));
            log.debug("Claim code sent by SMS: {}", delivery.status());
            return;
        }
        if (to.type() == AliasType.EMAIL) {
            email.send(new EmailMessage(to.value(), messages.getMessage("payments.claim.email.subject", null, locale),
                    messages.getMessage("payments.claim.email.body", new Object[] {code, amount}, locale), locale));
            return;
        }
        throw new IllegalArgumentException("no code can be sent to a " + to.type().wireName());
    }
}
