package org.socialbank.handoff;

import java.util.Locale;

/**
 * Why a staff action was refused: stable codes for the console and its problem+json
 * ({@code handoff.refused.<code>} is the sentence in each language).
 */
public enum HandoffRefusal {
    /** No such case, or no chat for the account. */
    NOT_FOUND,
    /** The case is not the agent's (assigned to another agent, or still in the queue). */
    NOT_YOURS,
    /** The agent is not in the case's team, or does not speak its language. */
    NOT_IN_TEAM,
    /** The case is resolved or handed back. */
    CLOSED,
    /** The channel's reply window is closed: only a template may go. */
    WINDOW_CLOSED,
    /** Empty, too long, or a bad argument (an unknown team, a snooze too long). */
    INVALID,
    /** The chat is not linked to a customer: nothing private (no action link) may go to it. */
    NOT_LINKED,
    /** The agent holds as many cases as their capacity. */
    AT_CAPACITY,
    /** Not a staff member known to handoff. */
    UNKNOWN_AGENT,
    /** A link that does not lead to the bank's own pages. */
    FOREIGN_LINK,
    /** A transfer to a team no agent belongs to (a typo: nobody would ever serve its queue). */
    UNKNOWN_TEAM,
    /**
     * A take-over of a conversation the bot has (the customer did not ask for a person) without a
     * reason of 1..200 characters: it shows the agent her last movements, so the audit says why.
     */
    REASON_REQUIRED,
    /** A reply with both a template and typed text: which one was meant is not guessed. */
    TEMPLATE_AND_TEXT,
    /** A reply holding a card number, a PIN or a one-time code ({@code shared.Secrets}): never in a chat. */
    SECRET;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "handoff.refused." + code();
    }
}
