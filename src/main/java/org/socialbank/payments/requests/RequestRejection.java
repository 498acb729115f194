package org.socialbank.payments.requests;

import java.util.Locale;

/**
 * Why a request, a split or the payment of a request was refused. The set is closed and the
 * codes are stable: the API's {@code code} and the chats' wording branch on them. Nothing refused
 * is stored.
 */
public enum RequestRejection {
    // any order
    /** The id was used for another request or split. */
    ID_REUSED,
    // asking
    REQUESTER_NOT_FOUND,
    NO_ACCOUNT_IN_CURRENCY,
    REQUESTER_HAS_NO_ALIAS,
    /** Past {@code per-requester-per-hour}. */
    TOO_MANY_REQUESTS,
    PAYER_IS_REQUESTER,
    /** Asked by a $tag nobody holds; when paying a request: the payer is not an active customer. */
    PAYER_NOT_FOUND,
    // splitting: the shares as sent
    SHARES_DO_NOT_ADD_UP,
    SHARES_MIXED,
    SHARE_TOO_SMALL,
    DUPLICATE_MEMBER,
    // splitting: the people
    ORGANISER_NOT_FOUND,
    ORGANISER_HAS_NO_ALIAS,
    MEMBER_IS_ORGANISER,
    MEMBER_NOT_FOUND,
    // paying a request
    NOT_THE_PAYER,
    REQUEST_PAID,
    REQUEST_DECLINED,
    REQUEST_EXPIRED,
    REQUEST_CANCELLED,
    /** The payer's attempts at paying it ({@code pay-attempts-max}) are used up. */
    TOO_MANY_ATTEMPTS,
    REQUESTER_CANNOT_RECEIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the shares as sent are invalid: the split is malformed, whoever its people are. */
    public boolean invalidShares() {
        return switch (this) {
            case SHARES_DO_NOT_ADD_UP, SHARES_MIXED, SHARE_TOO_SMALL, DUPLICATE_MEMBER -> true;
            default -> false;
        };
    }

    /** Whether the request is over (or over for this payer): it cannot be paid any more. */
    public boolean ended() {
        return switch (this) {
            case REQUEST_PAID, REQUEST_DECLINED, REQUEST_EXPIRED, REQUEST_CANCELLED, TOO_MANY_ATTEMPTS -> true;
            default -> false;
        };
    }

    /** The same refusal said of a split: its requester is the organiser, its payers the members. */
    RequestRejection ofSplit() {
        return switch (this) {
            case REQUESTER_NOT_FOUND -> ORGANISER_NOT_FOUND;
            case REQUESTER_HAS_NO_ALIAS -> ORGANISER_HAS_NO_ALIAS;
            case PAYER_IS_REQUESTER -> MEMBER_IS_ORGANISER;
            case PAYER_NOT_FOUND -> MEMBER_NOT_FOUND;
            default -> this;
        };
    }

    /** The refusal of paying a request that is no longer open, by its status. */
    static RequestRejection ended(RequestStatus status) {
        return switch (status) {
            case PAID -> REQUEST_PAID;
            case DECLINED -> REQUEST_DECLINED;
            case EXPIRED -> REQUEST_EXPIRED;
            case CANCELLED -> REQUEST_CANCELLED;
            case OPEN -> throw new IllegalArgumentException("an open request has not ended");
        };
    }
}
