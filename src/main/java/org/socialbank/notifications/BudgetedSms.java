package org.socialbank.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link SmsGateway} every sender in the bank is given: it takes each message from the
 * {@link SendBudgets} before the provider's gateway sends it (security review #5). A message a
 * budget refuses is not sent, and the answer is a FAILED delivery whose reason starts with
 * {@value #REFUSED_PREFIX}; a caller that must tell its user why uses {@link #send(SmsMessage,
 * Optional)} and gets the refusal as a value. The provider's gateway is found once every bean is
 * made: not exactly one stops the start, and it is looked for before any budget is taken, so a
 * misconfigured gateway never spends a customer's budget on a message that cannot go (review
 * 2026-12-07 alerts follow-up #2).
 */
public class BudgetedSms implements SmsGateway, SmartInitializingSingleton {

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
    private final TransactionTemplate transactions;
    private volatile SmsGateway provider;

    BudgetedSms(SendBudgets budgets, ObjectProvider<SmsGateway> gateways, TransactionTemplate transactions) {
        this.budgets = budgets;
        this.gateways = gateways;
        this.transactions = transactions;
    }

    /** Finds the provider's gateway at start-up: a misconfiguration stops the start, not a send. */
    @Override
    public void afterSingletonsInstantiated() {
        provider();
    }

    /** The SPI's callers (the directory's codes) get the provider's answer, or its own exception as it is. */
    @Override
    public SmsDelivery send(SmsMessage message) {
        SmsGateway gateway = provider();
        Optional<SendBudgets.Refused> refused = refusal(message, Optional.empty());
        if (refused.isPresent()) {
            return SmsDelivery.failed(
                    "refused-" + UUID.randomUUID(),
                    REFUSED_PREFIX + refused.get().reason());
        }
        return gateway.send(message);
    }

    /** Asks the provider's gateway for a delivery report; nothing is sent, so no budget is taken. */
    @Override
    public SmsReport status(String deliveryId) {
        return provider().status(deliveryId);
    }

    /**
     * Sends unless a budget is spent. An exception while the budgets are counted propagates as it
     * is (nothing was sent); one from the provider's gateway comes as {@link GatewayFailed}.
     *
     * @param onBehalfOf the customer who caused the message to go to someone else (a payer's
     *     claim code), counted against their own daily budget
     */
    public Outcome send(SmsMessage message, Optional<String> onBehalfOf) {
        return send(message, onBehalfOf, () -> {});
    }

    /**
     * As {@link #send(SmsMessage, Optional)}, for an outbox that must know whether its message may
     * have left: {@code handing} runs in the budgets' transaction once the message is taken, just
     * before the provider's gateway is called, so the take and what {@code handing} writes commit
     * together or not at all (review 2026-12-07 alerts follow-up #1). An exception of {@code
     * handing} gives the take back and propagates as it is; the gateway is not called.
     */
    public Outcome send(SmsMessage message, Optional<String> onBehalfOf, Runnable handing) {
        SmsGateway gateway = provider(); // before any budget is taken: a misconfiguration spends none
        Optional<SendBudgets.Refused> refused = transactions.execute(status -> {
            Optional<SendBudgets.Refused> no = refusal(message, onBehalfOf);
            if (no.isEmpty()) {
                handing.run();
            }
            return no;
        });
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
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
