package org.socialbank.directory.challenges;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.Customer;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;
import org.socialbank.notifications.SmsGateway;
import org.socialbank.notifications.SmsMessage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the customer, outside every chat, what was done to their bank access: by SMS to the
 * verified phone on file and by e-mail to a verified address on file. A chat alert reaches only a
 * customer who has another chat linked; these reach the one whose only chat is being taken.
 */
@Component
public class CustomerAlerts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcDirectory directory;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final MessageSource messages;

    CustomerAlerts(JdbcDirectory directory, SmsGateway sms, EmailGateway email, MessageSource messages) {
        this.directory = directory;
        this.sms = sms;
        this.email = email;
        this.messages = messages;
    }

    /** A chat account was just linked: "{chat} was linked; not you? unlink it: {url}". */
    public void chatLinked(CustomerId customer, String chat, String unlinkUrl) {
        send(customer, "alert.linked", chat, unlinkUrl);
    }

    /** Too many codes sent or typed wrong: codes are paused until {@code until}. */
    public void secondFactorLocked(CustomerId customer, Instant until) {
        send(customer, "alert.second_factor_locked", TIME.format(until), null);
    }

    private void send(CustomerId customer, String key, String first, String second) {
        Customer c = directory.findCustomer(customer).orElse(null);
        if (c == null) {
            return;
        }
        Locale locale = c.language().locale();
        Object[] args = {first, second};
        for (CustomerView.AliasEntry e : directory.aliasesOf(customer)) {
            if (!e.verified()) {
                continue; // an unverified address is nobody's proof, and nobody's to alert
            }
            if (e.alias().type() == AliasType.PHONE
                    && SmsMessage.isE164(e.alias().value())) {
                sms.send(new SmsMessage(e.alias().value(), messages.getMessage(key + ".sms", args, locale)));
            } else if (e.alias().type() == AliasType.EMAIL
                    && EmailMessage.isAddress(e.alias().value())) {
                email.send(new EmailMessage(
                        e.alias().value(),
                        messages.getMessage(key + ".subject", args, locale),
                        messages.getMessage(key + ".body", args, locale),
                        locale));
            }
        }
    }
}
