package org.socialbank.payments.requests.web;

import java.util.Map;
import org.socialbank.payments.requests.RequestRejection;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one place that turns refusals of requests, splits and their payments into HTTP problems. */
final class RequestRejections {

    private static final Map<RequestRejection, String> DETAILS = Map.ofEntries(
            Map.entry(
                    RequestRejection.ID_REUSED,
                    "This id was already used for a different request; nothing was changed."),
            Map.entry(RequestRejection.REQUESTER_NOT_FOUND, "The requester is not an active customer of this bank."),
            Map.entry(RequestRejection.NO_ACCOUNT_IN_CURRENCY, "There is no account in this currency to be paid into."),
            Map.entry(RequestRejection.REQUESTER_HAS_NO_ALIAS, "The requester has no alias to be paid at."),
            Map.entry(RequestRejection.TOO_MANY_REQUESTS, "Too many requests were sent this hour."),
            Map.entry(RequestRejection.PAYER_IS_REQUESTER, "The payer is the requester."),
            Map.entry(
                    RequestRejection.PAYER_NOT_FOUND,
                    "Nobody holds this alias, or the payer is not an active customer."),
            Map.entry(
                    RequestRejection.SHARES_DO_NOT_ADD_UP,
                    "The shares are not valid: they do not add up to the total."),
            Map.entry(RequestRejection.SHARES_MIXED, "The shares are not valid: give every share or none."),
            Map.entry(RequestRejection.SHARE_TOO_SMALL, "The shares are not valid: a share would be zero."),
            Map.entry(RequestRejection.DUPLICATE_MEMBER, "The shares are not valid: a member is named twice."),
            Map.entry(RequestRejection.ORGANISER_NOT_FOUND, "The organiser is not an active customer of this bank."),
            Map.entry(RequestRejection.ORGANISER_HAS_NO_ALIAS, "The organiser has no alias to be paid at."),
            Map.entry(RequestRejection.MEMBER_IS_ORGANISER, "A member is the organiser."),
            Map.entry(RequestRejection.MEMBER_NOT_FOUND, "Nobody holds a member's alias."),
            Map.entry(RequestRejection.REQUEST_PAID, "The request cannot be paid: it was paid."),
            Map.entry(RequestRejection.REQUEST_DECLINED, "The request cannot be paid: it was declined."),
            Map.entry(RequestRejection.REQUEST_EXPIRED, "The request cannot be paid: it expired."),
            Map.entry(RequestRejection.REQUEST_CANCELLED, "The request cannot be paid: it was cancelled."),
            Map.entry(RequestRejection.TOO_MANY_ATTEMPTS, "The request cannot be paid: too many attempts."),
            Map.entry(RequestRejection.REQUESTER_CANNOT_RECEIVE, "The requester cannot receive this payment now."));

    private RequestRejections() {}

    /**
     * 400 for shares that are invalid as sent, 409 for a reused id and for a request that is over,
     * 422 for every other refusal. ({@code not_the_payer} is answered as {@code request_not_found}
     * by the controller, which knows the id.)
     */
    static ProblemDetail problem(RequestRejection rejection) {
        HttpStatus status = rejection.invalidShares()
                ? HttpStatus.BAD_REQUEST
                : rejection == RequestRejection.ID_REUSED || rejection.ended()
                        ? HttpStatus.CONFLICT
                        : HttpStatus.UNPROCESSABLE_CONTENT;
        return Problems.of(
                status, rejection.code(), DETAILS.getOrDefault(rejection, "Refused: " + rejection.code() + "."));
    }
}
