package org.socialbank.conversation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.MaskedName;
import org.socialbank.ledger.Account;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentOrder;
import org.socialbank.payments.PaymentResult;
import org.socialbank.payments.Precheck;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

/**
 * The payments of one chat message, through the payments module: a payment and its check, what
 * the chat says of it, the payees paid recently and what was not paid. A payment's id comes from
 * the message ({@link ChatIds}), so a redelivery can never pay twice.
 */
final class ChatPayments {

    /** Recent payees offered to the parser. */
    static final int RECENT_PAYEES_MAX = 20;

    /** How many of her most recently active chats "why was my transfer declined?" looks through. */
    static final int REFUSAL_CHATS_MAX = 20;

    private final ChatBank.Collaborators parts;
    private final Network channel;
    private final String externalMessageId;
    /** The customer's primary accounts as {@link ChatBank} read them for this message. */
    private final Function<CustomerId, List<CustomerView.HeldAccount>> primaryAccounts;

    ChatPayments(
            ChatBank.Collaborators parts,
            Network channel,
            String externalMessageId,
            Function<CustomerId, List<CustomerView.HeldAccount>> primaryAccounts) {
        this.parts = parts;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
        this.primaryAccounts = primaryAccounts;
    }

    Bank.PayOutcome pay(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        // the reply to this message is the payer's receipt: the payment's events say so, and no alert repeats it
        PaymentResult result = parts.payments()
                .pay(new PaymentOrder(
                        ChatIds.paymentId(channel, externalMessageId),
                        payer,
                        payee,
                        amountMinor,
                        currency,
                        channel.wireName(),
                        true));
        return result instanceof PaymentResult.Recorded recorded
                ? outcome(recorded.payment(), payee)
                : new Bank.Refused(((PaymentResult.Refused) result).rejection());
    }

    Optional<Bank.Refused> check(CustomerId payer, Alias payee, long amountMinor, CurrencyCode currency) {
        Precheck check = parts.payments()
                .check(new PaymentOrder(
                        ChatIds.paymentId(channel, externalMessageId),
                        payer,
                        payee,
                        amountMinor,
                        currency,
                        channel.wireName()));
        return check instanceof Precheck.Refused r
                ? Optional.of(new Bank.Refused(r.rejection(), r.limitMinor(), r.resetsAt(), r.availableMinor()))
                : Optional.empty();
    }

    /** What the chat says of a payment; {@code payee} null when it was not named in this chat. */
    Bank.PayOutcome outcome(Payment payment, Alias payee) {
        return switch (payment.status()) {
            case COMPLETED ->
                new Bank.Paid(payment.id().value().toString(), payment.updatedAt(), availableAfter(payment));
            case AWAITING_CLAIM ->
                new Bank.AwaitingClaim(
                        payment.links().claimExpiresAt(),
                        payee != null && parts.alerts().claimChat(payee).isPresent()
                                ? null
                                : payment.links().claimUrl());
            case AWAITING_CONFIRMATION ->
                new Bank.Held(payment.links().confirmationUrl(), payment.audit().reason());
            case REJECTED ->
                new Bank.Refused(
                        payment.rejection().orElseThrow(),
                        payment.limit().limitMinor(),
                        payment.limit().resetsAt());
            default -> new Bank.Ended(payment.status()); // a replay of a payment that ended, or is paid out
        };
    }

    /** The payer's available money in the payment's currency, null when she holds none in it. */
    private Long availableAfter(Payment payment) {
        return primaryAccounts.apply(payment.payerCustomerId()).stream()
                .filter(a -> a.currency().equals(payment.currency().code()))
                .map(CustomerView.HeldAccount::accountId)
                .findFirst()
                .flatMap(parts.ledger()::account)
                .map(Account::availableMinor)
                .orElse(null);
    }

    List<Bank.RecentPayee> recentPayees(CustomerId payer) {
        // two reads for all of them, not three each (issue 22)
        return parts.directory().named(parts.store().recentPayees(payer, RECENT_PAYEES_MAX)).stream()
                .flatMap(named -> payableAlias(named.aliases())
                        .map(alias -> new Bank.RecentPayee(
                                names(named.customer().displayName()),
                                alias,
                                named.customer().id(),
                                MaskedName.of(named.customer().displayName())))
                        .stream())
                .toList();
    }

    /** "Bob Brown" is called "Bob Brown" and "Bob". */
    private static List<String> names(String displayName) {
        String first = displayName.strip().split("\\s+")[0];
        return first.equals(displayName.strip()) ? List.of(first) : List.of(displayName.strip(), first);
    }

    /** A verified alias to pay the customer by: a $tag, else a phone, an e-mail, a handle. */
    private static Optional<Alias> payableAlias(List<CustomerView.AliasEntry> aliases) {
        return aliases.stream()
                .filter(CustomerView.AliasEntry::verified)
                .map(CustomerView.AliasEntry::alias)
                .min(Comparator.comparingInt(
                        a -> List.of(AliasType.TAG, AliasType.PHONE, AliasType.EMAIL, AliasType.HANDLE)
                                .indexOf(a.type())));
    }

    Optional<DialogueState.Refusal> lastRefusalTold(CustomerId customer) {
        return parts.store().statesOf(customer, REFUSAL_CHATS_MAX).stream()
                .map(state -> Json.state(state).lastRefusal())
                .filter(told -> told != null && customer.value().equals(told.payerCustomerId()))
                .max(Comparator.comparing(DialogueState.Refusal::at));
    }

    Optional<Bank.NotPaid> latestNotPaid(CustomerId customer, Instant now) {
        return parts.payments()
                .latestNotPaid(customer, now.minus(Duration.ofDays(Bank.NOT_PAID_DAYS)))
                .map(p -> new Bank.NotPaid(
                        p.amountMinor(),
                        p.currency(),
                        p.payee().maskedName() != null
                                ? p.payee().maskedName()
                                : p.payee().alias().display(),
                        p.createdAt(),
                        p.status(),
                        p.code(),
                        p.limit().limitMinor(),
                        p.limit().resetsAt()));
    }
}
