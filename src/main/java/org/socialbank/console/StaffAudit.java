package org.socialbank.console;

/**
 * The staff audit log: every staff action and every view of customer data, append-only, each row
 * chained to the one before by SHA-256. Call it in the transaction of the action, so that an
 * action and its row commit together.
 */
public interface StaffAudit {

    /**
     * Records who did what to which subject and why.
     *
     * @param action a short dotted name, e.g. {@code conversation.take-over}, {@code customer.reveal}
     * @param subject what was acted on or looked at, e.g. {@code conversation:4f1c...}; no secrets
     * @param reason why, as the person gave it, or empty
     */
    void record(StaffMember who, String action, String subject, String reason);
}
