package org.socialbank.payments.requests.web;

import java.util.List;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestOrder;
import org.socialbank.payments.requests.Share;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.payments.requests.SplitOrder;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
import org.socialbank.shared.web.BadRequest;
import org.socialbank.shared.web.RequiredFields;

/** The JSON the requests API accepts, and its translation to orders; anything malformed is a clear 400. */
final class RequestBodies {

    private RequestBodies() {}

    /** Someone by alias: {@code phone}, {@code email}, {@code tag}, or {@code handle} with its {@code network}. */
    record Who(String type, String value, String network) {

        Alias alias() {
            AliasType kind = AliasType.fromWireName(type == null ? "" : type)
                    .orElseThrow(() -> new BadRequest("an alias needs a type: phone, email, tag or handle"));
            Network net = kind != AliasType.HANDLE
                    ? null
                    : Network.fromWireName(network == null ? "" : network)
                            .orElseThrow(() -> new BadRequest("a handle needs a known network"));
            if (kind != AliasType.HANDLE && network != null) {
                throw new BadRequest("only a handle has a network");
            }
            return Alias.tryParse(kind, net, value, null).orElseThrow(BadRequest::new);
        }
    }

    record Ask(
            UUID id,
            UUID requesterCustomerId,
            Who from,
            Long amountMinor,
            String currency,
            String note,
            String channel) {

        RequestOrder order() {
            require(missing(
                    id,
                    "id",
                    requesterCustomerId,
                    "requesterCustomerId",
                    from,
                    "from",
                    amountMinor,
                    "amountMinor",
                    currency,
                    "currency"));
            Alias payer = from.alias();
            CurrencyCode code = RequestBodies.currency(currency);
            return BadRequest.whenRefused(() -> new RequestOrder(
                    new RequestId(id),
                    new CustomerId(requesterCustomerId),
                    payer,
                    amountMinor,
                    code,
                    note,
                    channel == null ? "api" : channel));
        }
    }

    /** One member of a split: an alias, and their share when shares are given. */
    record Member(String type, String value, String network, Long amountMinor) {}

    record SplitBody(
            UUID id,
            UUID organiserCustomerId,
            List<Member> members,
            Long totalMinor,
            String currency,
            String note,
            String channel,
            Boolean includeOrganiser) {

        SplitOrder order() {
            require(missing(
                    id,
                    "id",
                    organiserCustomerId,
                    "organiserCustomerId",
                    members,
                    "members",
                    totalMinor,
                    "totalMinor",
                    currency,
                    "currency"));
            if (members.size() > SplitOrder.MEMBERS_MAX) {
                throw new BadRequest("a split has at most " + SplitOrder.MEMBERS_MAX + " members");
            }
            List<Share> shares = members.stream()
                    .map(m -> {
                        if (m == null) {
                            throw new BadRequest("a member is null");
                        }
                        Alias member = new Who(m.type(), m.value(), m.network()).alias();
                        return BadRequest.whenRefused(() -> new Share(member, m.amountMinor()));
                    })
                    .toList();
            CurrencyCode code = RequestBodies.currency(currency);
            return BadRequest.whenRefused(() -> new SplitOrder(
                    new SplitId(id),
                    new CustomerId(organiserCustomerId),
                    shares,
                    totalMinor,
                    code,
                    note,
                    channel == null ? "api" : channel,
                    Boolean.TRUE.equals(includeOrganiser)));
        }
    }

    record Pay(UUID payerCustomerId, String channel) {}

    record Payer(UUID payerCustomerId) {}

    record Requester(UUID requesterCustomerId) {}

    record Organiser(UUID organiserCustomerId) {}

    record Credit(String entryId, String reference, Long amountMinor, String currency) {}

    static CurrencyCode currency(String code) {
        return CurrencyCode.find(code).orElseThrow(() -> new BadRequest("unknown currency: " + code));
    }

    /** Pairs of (value, name): the names of the null values. */
    static List<String> missing(Object... pairs) {
        return RequiredFields.missing(pairs);
    }

    static void require(List<String> missing) {
        RequiredFields.require(missing);
    }
}
