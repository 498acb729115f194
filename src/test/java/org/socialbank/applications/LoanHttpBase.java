package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.Api;
import org.socialbank.support.Chats;
import org.socialbank.support.FakeSms;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the applications' HTTP test classes share (the store is the subclass's: {@link
 * LoanHttpTestBase} for H2): the beans they drive, the
 * borrower fixtures over real HTTP, and a ledger that stays balanced after every test. Each
 * subclass keeps its own {@code @SpringBootTest} (its settings) and {@code @Import} of the fakes.
 */
abstract class LoanHttpBase {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Applications applications;

    @Autowired
    Decisions decisions;

    @Autowired
    Instalments instalments;

    @Autowired
    Loans loans;

    @Autowired
    Fulfilments fulfilments;

    @Autowired
    SignOnPage signatures;

    @Autowired
    Confirmations confirmations;

    @Autowired
    FakeSms sms;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Chats chats;

    Api api;

    LoanFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new LoanFixtures(directory, ledger, applications, signatures, confirmations, sms, clock);
    }

    /** Her chat, linked to her, that has talked to the bank in French: it hears the bank's messages. */
    String frenchChatOf(LoanFixtures.Borrower borrower) {
        String chat = chats.linkedTo(borrower.id());
        chats.say(chat, "mes dossiers");
        return chat;
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }
}
