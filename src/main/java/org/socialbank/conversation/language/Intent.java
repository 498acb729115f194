package org.socialbank.conversation.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a customer asks the bank to do. */
public enum Intent {
    PAY,
    REQUEST,
    SPLIT,
    BALANCE,
    HISTORY,
    HELP,
    CANCEL,
    LANGUAGE,
    LINK,
    UNLINK,
    BRANCHES,
    BACK,
    THANKS,
    UNKNOWN,
    /** Stop marketing on this channel (a STOP word alone, see {@link StopWords}); service alerts go on. */
    STOP,
    /** Book a branch appointment (issue 16 section 5): "book an appointment at the Paris branch tomorrow morning". */
    APPOINTMENT,
    /**
     * Money at another bank (issue 16 section 6): "collect my money" asks for it, "my other banks"
     * lists the linked accounts, "revoke other-bank" ends a consent.
     */
    SWEEP,
    /** The customer's open requests, sent and received (issue 13): "my requests", "mes demandes", "我的请求". */
    REQUESTS,
    /** Remind the payer of an open request the customer sent (issue 13): "remind $camille". */
    REMIND,
    /** Withdraw an open request the customer sent (issue 13): "cancel my request", "لغو درخواست". */
    CANCEL_REQUEST,
    /** The customer's account numbers, in a private chat only (issue 13): "my IBAN", "شماره حساب". */
    ACCOUNT,
    /** The customer's payment limits and what is left of them today (issue 13): "my limits", "限额". */
    LIMITS,
    /** What the customer spent this month, by counterparty (issue 13): "how much did I spend this month". */
    SPENDING,
    /** The next page of the history just shown (issue 13): "more", "la suite", "ещё", "بیشتر", "更多". */
    MORE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Intent> fromWireName(String name) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(name)).findFirst();
    }

    /** Whether an amount belongs to the intent: it moves money, or it may once understood. */
    public boolean takesAmount() {
        return this == PAY || this == REQUEST || this == SPLIT || this == UNKNOWN;
    }
}
