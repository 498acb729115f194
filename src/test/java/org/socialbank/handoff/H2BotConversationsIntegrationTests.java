package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.console.Role;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19: conversations the bot answers are listed for agents, who take one over; from then on
 * the bot is silent in it. Only staff with conversations may see or take them; each take-over is
 * audited.
 */
@TestPropertySource(properties = "socialbank.handoff.default-team=cards")
class H2BotConversationsIntegrationTests extends ConsolePagesFixture {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName("issue 19: an agent takes a conversation from the bot, in the team they choose; the bot is silent")
    void anAgentTakesAConversationFromTheBot() {
        String chat = "tg-" + UUID.randomUUID();
        assertThat(say(chat, "help")).isPositive(); // the bot answers
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);

        FormClient.Page list = agent.get("/console/conversations/bot");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("data-identity=\"" + identity.value() + "\"");

        FormClient.Page taken = agent.post(
                "/console/conversations/bot/" + identity.value() + "/take",
                "team",
                "payments",
                "reason",
                "she wrote three times about a missing refund");
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.html()).contains("reply-form");
        Owner owner = handoffs.owner(identity);
        assertThat(owner).isInstanceOf(Owner.Agent.class);
        CaseId caseId = ((Owner.Agent) owner).caseId();
        assertThat(jdbc.sql("SELECT team FROM handoff_cases WHERE id = ?")
                        .param(caseId.value())
                        .query(String.class)
                        .single())
                .isEqualTo("payments");
        assertThat(say(chat, "what is my balance?")).isZero(); // the bot is silent now
        assertThat(agent.get("/console/conversations/bot").html())
                .doesNotContain(identity.value().toString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'conversation.take-over' AND subject = ?")
                        .param("conversation:" + caseId.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a second agent is refused: a person has it
        FormClient other = staff.signedIn(port, Role.AGENT);
        FormClient.Page refused =
                other.post("/console/conversations/bot/" + identity.value() + "/take", "reason", "to help");
        assertThat(refused.html()).contains("data-refused=\"not_yours\"").doesNotContain("reply-form");
    }

    @Test
    @DisplayName("a take-over from the bot needs a reason of 1..200 characters, written to the audit: the customer "
            + "did not ask for a person and the agent sees her last movements (review 2026-12-07 handoff follow-up)")
    void aTakeOverFromTheBotNeedsAReason() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "help");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);
        String take = "/console/conversations/bot/" + identity.value() + "/take";

        for (String[] fields : new String[][] {{}, {"reason", "   "}, {"reason", "x".repeat(201)}}) {
            FormClient.Page refused = agent.post(take, fields);
            assertThat(refused.html())
                    .contains("data-refused=\"reason_required\"")
                    .contains("Say why you take this conversation from the bot");
            assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        }

        assertThat(agent.post(take, "reason", "  fraud team asked me to check card 4111 1111 1111 1111 ")
                        .html())
                .contains("reply-form");
        CaseId caseId = ((Owner.Agent) handoffs.owner(identity)).caseId();
        assertThat(jdbc.sql("SELECT why FROM console_audit WHERE what = 'conversation.take-over' AND subject = ?")
                        .param("conversation:" + caseId.value())
                        .query(String.class)
                        .single())
                .as("a card number in the reason is masked before the append-only audit (reread)")
                .startsWith("taken from the bot: fraud team asked me to check card ")
                .endsWith("1111")
                .doesNotContain("4111 1111 1111 1111");
    }

    @Test
    @DisplayName("issue 19: a team that is not the agent's, or an unknown chat, is refused; other roles get 403")
    void refusalsAndPermissions() {
        String chat = "tg-" + UUID.randomUUID();
        say(chat, "help");
        IdentityId identity =
                identities.identify(Network.TELEGRAM, chat, null, null).id();
        FormClient agent = staff.signedIn(port, Role.AGENT);
        assertThat(agent.post(
                                "/console/conversations/bot/" + identity.value() + "/take",
                                "team",
                                "loans",
                                "reason",
                                "to help")
                        .html())
                .contains("data-refused=\"not_in_team\"");
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
        assertThat(agent.post("/console/conversations/bot/" + UUID.randomUUID() + "/take", "reason", "to help")
                        .html())
                .contains("data-refused=\"not_found\"");

        for (Role role : new Role[] {Role.AUDITOR, Role.ADMIN, Role.CAMPAIGN_MANAGER}) {
            FormClient outsider = staff.signedIn(port, role);
            assertThat(outsider.get("/console/conversations/bot").status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(outsider.post("/console/conversations/bot/" + identity.value() + "/take")
                            .status())
                    .as("%s", role)
                    .isEqualTo(403);
        }
        assertThat(handoffs.owner(identity)).isEqualTo(new Owner.Bot());
    }
}
