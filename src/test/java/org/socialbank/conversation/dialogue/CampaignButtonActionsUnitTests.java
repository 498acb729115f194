package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialbank.campaigns.CampaignButton;

/** Issue 17 3.6: every action a campaign's button may name is a command the bot does when pressed. */
class CampaignButtonActionsUnitTests {

    @Test
    void everyCampaignButtonActionIsAQuickReplyOrAMenuRow() {
        for (String action : CampaignButton.ACTIONS) {
            assertThat(QuickReplies.command(action)).as(action).isNotBlank();
        }
    }
}
