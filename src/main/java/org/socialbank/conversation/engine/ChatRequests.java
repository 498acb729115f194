package org.socialbank.conversation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.payments.requests.MoneyRequest;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestOrder;
import org.socialbank.payments.requests.RequestPayment;
import org.socialbank.payments.requests.RequestResult;
import org.socialbank.payments.requests.RequestStatus;
import org.socialbank.payments.requests.Requests;
import org.socialbank.payments.requests.Share;
import org.socialbank.payments.requests.Split;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.payments.requests.SplitOrder;
import org.socialbank.payments.requests.SplitResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.socialbank.shared.Uuids;

/**
 * The requests and splits of one chat message, through the payments module's {@link Requests}.
 * Ids come from the message, so a redelivered message asks once.
 */
final class ChatRequests {

    private final Requests requests;
    private final Directory directory;
    private final Network channel;
    private final String externalMessageId;

    ChatRequests(Requests requests, Directory directory, Network channel, String externalMessageId) {
        this.requests = requests;
        this.directory = directory;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
    }

    Bank.AskOutcome ask(CustomerId requester, Alias from, long amountMinor, CurrencyCode currency, String note) {
        RequestResult result = requests.request(new RequestOrder(
                new RequestId(ChatIds.of("chat-request", channel, externalMessageId)),
                requester,
                from,
                amountMinor,
                currency,
                note,
                channel.wireName()));
        return result instanceof RequestResult.Asked a
                ? asked(a.request())
                : new Bank.NotAsked(((RequestResult.Refused) result).rejection());
    }

    Bank.SplitOutcome split(
            CustomerId organiser,
            List<Alias> members,
            List<Long> sharesMinor,
            long totalMinor,
            CurrencyCode currency,
            boolean includeOrganiser,
            String note) {
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            shares.add(new Share(members.get(i), sharesMinor.isEmpty() ? null : sharesMinor.get(i)));
        }
        SplitResult result = requests.split(new SplitOrder(
                new SplitId(ChatIds.of("chat-split", channel, externalMessageId)),
                organiser,
                shares,
                totalMinor,
                currency,
                note,
                channel.wireName(),
                includeOrganiser));
        if (result instanceof SplitResult.Refused refused) {
            return new Bank.NotAsked(refused.rejection());
        }
        Split split = ((SplitResult.Made) result).split();
        return new Bank.SplitMade(
                split.requests().stream().map(this::asked).toList(),
                split.requests().stream().map(MoneyRequest::amountMinor).toList(),
                split.organiserShareMinor());
    }

    Optional<Bank.Settlement> pay(String requestId, CustomerId payer, PaymentOutcomes outcomes) {
        Optional<MoneyRequest> request = request(requestId).filter(r -> payer.equals(r.payerCustomerId()));
        if (request.isEmpty() || request.get().status() != RequestStatus.OPEN) {
            return Optional.empty();
        }
        MoneyRequest r = request.get();
        return requests.payRequestInChat(r.id(), payer, channel.wireName())
                .map(paid -> new Bank.Settlement(
                        outcome(paid, outcomes), r.amountMinor(), r.currency(), r.requesterMaskedName()));
    }

    /** The payment of a request as the chat tells it; a refusal of the request is said as a refused payment. */
    private static Bank.PayOutcome outcome(RequestPayment paid, PaymentOutcomes outcomes) {
        return paid instanceof RequestPayment.Attempted attempted
                ? outcomes.of(attempted.payment(), null)
                : new Bank.RequestRefused(((RequestPayment.Refused) paid).rejection());
    }

    boolean decline(String requestId, CustomerId payer) {
        return request(requestId)
                .filter(r -> r.status() == RequestStatus.OPEN)
                .flatMap(r -> requests.decline(r.id(), payer))
                .filter(r -> r.status() == RequestStatus.DECLINED)
                .isPresent();
    }

    /** Most open requests listed at once. */
    List<Bank.OpenRequest> open(CustomerId customer, int limit) {
        return requests.openOf(customer, Math.min(limit, Requests.OPEN_LISTED_MAX)).stream()
                .map(r -> open(r, customer))
                .toList();
    }

    private Bank.OpenRequest open(MoneyRequest r, CustomerId customer) {
        boolean sent = r.requesterCustomerId().equals(customer);
        return sent
                ? new Bank.OpenRequest(
                        r.id().value().toString(),
                        true,
                        asked(r).payerName(),
                        r.payerCustomerId(),
                        r.from(),
                        r.amountMinor(),
                        r.currency(),
                        r.note(),
                        r.createdAt())
                : new Bank.OpenRequest(
                        r.id().value().toString(),
                        false,
                        r.requesterMaskedName(),
                        r.requesterCustomerId(),
                        null,
                        r.amountMinor(),
                        r.currency(),
                        r.note(),
                        r.createdAt());
    }

    Optional<Bank.Reminder> remind(String requestId, CustomerId requester) {
        return request(requestId)
                .filter(r -> r.status() == RequestStatus.OPEN)
                .flatMap(r -> requests.remind(r.id(), requester))
                .filter(r -> !r.reminded().isEmpty() || !r.tooSoon().isEmpty())
                .map(r -> new Bank.Reminder(!r.reminded().isEmpty(), r.nextAt()));
    }

    boolean cancel(String requestId, CustomerId requester) {
        return request(requestId)
                .filter(r -> r.status() == RequestStatus.OPEN)
                .flatMap(r -> requests.cancel(r.id(), requester))
                .filter(r -> r.status() == RequestStatus.CANCELLED)
                .isPresent();
    }

    private Optional<MoneyRequest> request(String requestId) {
        return Uuids.parse(requestId).flatMap(id -> requests.request(new RequestId(id)));
    }

    private Bank.Asked asked(MoneyRequest request) {
        String name = request.payerCustomerId() == null
                ? request.from().display()
                : directory
                        .resolve(request.from())
                        .map(AliasMatch::maskedName)
                        .orElse(request.from().display());
        return new Bank.Asked(name, request.payerCustomerId() == null ? request.payUrl() : null);
    }

    /** Maps a payment to what the chat says of it. */
    interface PaymentOutcomes {
        Bank.PayOutcome of(org.socialbank.payments.Payment payment, Alias payee);
    }
}
