package org.socialbank.payments.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.notifications.EmailDelivery;
import org.socialbank.notifications.EmailGateway;
import org.socialbank.notifications.EmailMessage;

/** The e-mail provider is outside the bank: tests stand in for it and read what was sent. */
final class FakeEmail implements EmailGateway {

    private final List<EmailMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public EmailDelivery send(EmailMessage message) {
        sent.add(message);
        return EmailDelivery.succeeded("fake-" + UUID.randomUUID());
    }

    List<EmailMessage> sent(String address) {
        return sent.stream().filter(m -> m.to().equals(address)).toList();
    }

    /** The newest 6-digit code sent to the address. */
    String lastCode(String address) {
        List<EmailMessage> to =
                sent.stream().filter(m -> m.to().equals(address)).toList();
        if (to.isEmpty()) {
            throw new AssertionError("no e-mail to " + address);
        }
        Matcher m =
                Pattern.compile("\\b(\\d{6})\\b").matcher(to.get(to.size() - 1).body());
        if (!m.find()) {
            throw new AssertionError("no code in the e-mail to " + address);
        }
        return m.group(1);
    }
}
