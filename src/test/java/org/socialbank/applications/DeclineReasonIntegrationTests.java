package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.SmsFakes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Review 2026-12-07 branches #3 over real HTTP, the engine and a Telegram fake on H2: the reason
 * staff give when they decline reaches the customer's private chat once, quoted as written after a
 * "Reason:" in her language; a customer reached only on a public network is told nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.applications.instalments-enabled=false",
            "socialbank.applications.auto-decide=false" // staff decide
        })
@Import({ChatFakes.class, SmsFakes.class, LoanTestClock.class})
class DeclineReasonIntegrationTests extends LoanHttpTestBase {

    /** What staff wrote, in the language they work in: shown as it is, not translated. */
    static final String REASON = "Your employer could not confirm your contract.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EN|was declined|'Reason: “'",
                "FR|est refusée|'Motif : « '",
                "RU|отклонена|'Причина: «'",
                "FA|رد شد|'دلیل: «'",
                "ZH|未通过|'原因：“'"
            })
    @DisplayName("review 2026-12-07 branches follow-up: staff's reason for a decline reaches the customer's chat "
            + "once, quoted after a \"Reason:\" in her language")
    void staffsReasonIsToldInTheCustomersLanguage(Language language, String declined, String label) {
        LoanFixtures.Borrower borrower = fixtures.borrower("Declined Borrower", language, 0);
        String chat = chats.linkedTo(borrower.id());
        chats.say(chat, "/start"); // her chat is known to the bank once she has written in it
        Application submitted = fixtures.submitLoan(borrower, 500_000, 24, 300_000, "a car");
        for (int i = 0; i < 2; i++) { // the second changes nothing and tells nobody
            Api.Response decided = decline(submitted.id());
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        }
        chats.drain();
        List<String> told = chats.told(chat, declined);
        assertThat(told).hasSize(1);
        assertThat(Chats.withoutIsolates(told.get(0)))
                .contains("\n" + label + REASON)
                .doesNotContain("5,000", "5 000", "3,000", "3 000"); // only what staff wrote is added
    }

    @Test
    @DisplayName("review 2026-12-07 branches follow-up: staff's reason for a decline is never written to a public "
            + "network")
    void aPublicNetworkIsToldNothing() {
        LoanFixtures.Borrower borrower = fixtures.borrower("Public Borrower", Language.EN, 0);
        String account = "x-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        chats.linkedTo(Network.X, account, borrower.id());
        chats.say(Network.X, account, new Inbound.Text("my applications")); // a chat the bank knows, but public
        int before = outboxTo(Network.X, account);
        Application submitted = fixtures.submitLoan(borrower, 500_000, 24, 300_000, "a car");
        assertThat(decline(submitted.id()).status()).isEqualTo(200);
        assertThat(outboxTo(Network.X, account)).isEqualTo(before);
    }

    private int outboxTo(Network network, String account) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                .param(chats.identity(network, account).value())
                .query(Integer.class)
                .single();
    }

    private Api.Response decline(ApplicationId id) {
        return api.post(
                "/api/v1/applications/" + id.value() + "/decision",
                "{\"status\":\"declined\",\"reason\":\"" + REASON + "\"}");
    }
}
