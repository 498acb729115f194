package org.socialbank.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@link SmsGateway} every sender in the bank is given: it takes each message from the
 * {@link SendBudgets} before the provider's gateway sends it (security review #5). A message a
 * budget refuses is not sent, and the answer is a FAILED delivery whose reason starts with
 * {@value #REFUSED_PREFIX}; a caller that must tell its user why uses {@link #send(SmsMessage,
 * Optional)} and gets the refusal as a value.
 */
public class BudgetedSms implements SmsGateway {

    public static final String REFUSED_PREFIX = "refused by the send budget: ";
    private static final Logger log = LoggerFactory.getLogger(BudgetedSms.class);

    /** The message went to the provider's gateway, which answered {@code delivery}. */
    public record Sent(SmsDelivery delivery) implements Outcome {}

    /** A budget said no; nothing was sent. */
    public record Refused(SendBudgets.Refused why) implements Outcome {}

    public sealed interface Outcome permits Sent, Refused {}

    /**
     * The provider's gateway threw (which its contract forbids: it answers UNKNOWN when it cannot
     * tell) after the message was taken from the budgets: whether it left cannot be told. Any
     * other exception of {@link #send(SmsMessage, Optional)} came before the gateway was called,
     * so nothing left and an outbox may send the message again (review 2026-12-07 alerts #2).
     */
    public static final class GatewayFailed extends RuntimeException {

        GatewayFailed(RuntimeException cause) {
            super("the SMS gateway failed; whether the message left cannot be told", cause);
        }
    }

    private final SendBudgets budgets;
    private final ObjectProvider<SmsGateway> gateways;
    private volatile SmsGateway provider;

    BudgetedSms(SendBudgets budgets, ObjectProvider<SmsGateway> gateways) {
        this.budgets = budgets;
        this.gateways = gateways;
    }

    /** The SPI's callers (the directory's codes) get the provider's answer, or its own exception as it is. */
    @Override
    public SmsDelivery send(SmsMessage message) {
        Optional<SendBudgets.Refused> refused = refusal(message, Optional.empty());
        if (refused.isPresent()) {
            return SmsDelivery.failed(
                    "refused-" + UUID.randomUUID(),
                    REFUSED_PREFIX + refused.get().reason());
        }
        return provider().send(message);
    }

    /**
     * Sends unless a budget is spent. An exception while the budgets are counted propagates as it
     * is (nothing was sent); one from the provider's gateway comes as {@link GatewayFailed}.
     *
     * @param onBehalfOf the customer who caused the message to go to someone else (a payer's
     *     claim code), counted against their own daily budget
     */
    public Outcome send(SmsMessage message, Optional<String> onBehalfOf) {
        Optional<SendBudgets.Refused> refused = refusal(message, onBehalfOf);
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        SmsGateway gateway = provider();
        try {
            return new Sent(gateway.send(message));
        } catch (RuntimeException e) {
            throw new GatewayFailed(e);
        }
    }

    /** Takes the message from the budgets; the budget that said no, if one did. */
    private Optional<SendBudgets.Refused> refusal(SmsMessage message, Optional<String> onBehalfOf) {
        SendBudgets.Take take = budgets.take(SendBudgets.Medium.SMS, message.toE164(), onBehalfOf);
        if (take instanceof SendBudgets.Refused refused) {
            log.warn("SMS to {} not sent: {}", message, refused.reason());
            return Optional.of(refused);
        }
        return Optional.empty();
    }

    /** The provider's gateway: the one bean of the type that is not this one. */
    private SmsGateway provider() {
        SmsGateway found = provider;
        if (found == null) {
            List<SmsGateway> others = gateways.orderedStream()
                    .filter(g -> !(g instanceof BudgetedSms))
                    .toList();
            if (others.size() != 1) {
                throw new IllegalStateException(
                        "Expected exactly one SmsGateway besides the budgets, found " + others.size());
            }
            found = others.get(0);
            provider = found;
        }
        return found;
    }
}
