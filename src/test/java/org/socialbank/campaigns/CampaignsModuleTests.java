package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Network;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Campaigns start with the consent, the alerts, the directory and the ledger (issue 14 item 9),
 * without the conversation engine or the channel adapters that send them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CampaignsModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.campaigns.send-interval", () -> "1h"); // the test reads the store itself
    }

    @Autowired
    Campaigns campaigns;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.socialbank.campaigns.jdbc.JdbcCampaigns store;

    @Test
    void startsWithoutTheChat() {
        assertThat(campaigns.campaign(UUID.randomUUID())).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .as("the conversation engine")
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .as("the payments")
                .isEmpty();
    }

    /** Issue 17, 3.12: a round asks each network for its own share; one without budget holds back no other. */
    @Test
    void aNetworkWithoutBudgetHoldsBackNoOtherInARound() {
        UUID id = UUID.randomUUID();
        java.time.Instant now = java.time.Instant.parse("2026-12-02T10:00:00Z");
        store.insert(
                id,
                "Paced",
                null,
                java.util.Map.of("en", "Offer"),
                java.util.Map.of(),
                new CampaignRules(2, null, null, java.util.Set.of(), java.util.Set.of(), 0),
                "maker",
                now);
        store.approve(id, "checker", now);
        // bale sorts before telegram in the due index: a round reading it in one order met bale first
        store.queue(id, Network.BALE, java.util.List.of("b1", "b2", "b3"), java.util.List.of("A", "A", "A"), now);
        store.queue(id, Network.TELEGRAM, java.util.List.of("t1", "t2", "t3"), java.util.List.of("A", "A", "A"), now);
        java.util.Map<Network, Integer> budget = new java.util.LinkedHashMap<>();
        budget.put(Network.BALE, 0);
        budget.put(Network.TELEGRAM, 2);
        assertThat(store.queued(now, budget, 3))
                .extracting(r -> r.channel() + ":" + r.externalUserId())
                .containsExactly("TELEGRAM:t1", "TELEGRAM:t2");
        budget.put(Network.BALE, 5);
        assertThat(store.queued(now, budget, 3))
                .as("at most the round's total")
                .extracting(r -> r.channel() + ":" + r.externalUserId())
                .containsExactly("BALE:b1", "BALE:b2", "BALE:b3");
    }
}
