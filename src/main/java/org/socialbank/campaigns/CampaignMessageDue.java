package org.socialbank.campaigns;

import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A campaign's message for one recipient, published in the transaction that marks the recipient
 * {@code sent}: the conversation engine writes it to its outbox there, so it leaves once, with a
 * one-tap "stop offers" button and a line saying how to stop, in {@code language}.
 *
 * @param messageId the outbox row's id to write it under (the platform's reports come back by it)
 * @param trackedLink the recipient's own tracked address, null when the campaign has no link
 * @param buttons the staff's own buttons (3.6) in her language, empty for none
 */
public record CampaignMessageDue(
        UUID campaignId,
        IdentityId chatIdentity,
        Network channel,
        String recipient,
        String text,
        Language language,
        UUID messageId,
        String trackedLink,
        java.util.List<Button> buttons) {

    public CampaignMessageDue {
        buttons = buttons == null ? java.util.List.of() : java.util.List.copyOf(buttons);
    }

    /**
     * One of the campaign's buttons for this recipient.
     *
     * @param position 1 for the first; a press is counted under it
     * @param trackedUrl her tracked address for this button, null for an action button
     * @param action the chat action (a command by name, such as {@code balance}), null for a link button
     */
    public record Button(int position, String label, String trackedUrl, String action) {}
}
