package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.socialbank.billing.BillerRegistry.ForeignBiller;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.support.Chats;
import org.socialbank.support.Customers;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of account bills (issue 15 s1.13) share: the beans they drive, a customer with a
 * funded wallet and a chat linked {@link BillingFixtures#LINKED_AGO}, and a bill asked in that chat
 * and confirmed. The classes that pay over the switch's HTTP protocol point the bank at {@link
 * FakeAccountBillerServer#shared()}; the others use the embedded sandbox.
 */
abstract class AccountBillTestBase {

    /**
     * Draws the accounts of {@link #freshAccount}: one generator for the test JVM, so that the twins
     * (H2, PostgreSQL) paying over the shared fake switch draw different accounts.
     */
    private static final RandomGenerator ACCOUNTS = Seeds.random(Seeds.seed("AccountBillTestBase accounts"));

    @Autowired
    Chats chats;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    AccountBills bills;

    @Autowired
    SendAccountBills worker;

    @Autowired
    JdbcClient jdbc;

    /** A customer speaking {@code language}, {@code minor} in a wallet in {@code currency}, her chat linked two days ago. */
    Customers.Customer customer(String name, Language language, String currency, long minor) {
        return new Customers(directory, ledger, chats)
                .named(name)
                .speaking(language)
                .wallet(currency, minor)
                .linkedChat(BillingFixtures.LINKED_AGO)
                .create();
    }

    /** Asks for a bill in the customer's chat and looks it up: the one offer, with its Confirm button. */
    Outbound.Buttons offer(Customers.Customer customer, String ask) {
        chats.say(customer.chat(), ask);
        bills.lookUp();
        chats.drain();
        List<Outbound.Buttons> offers = chats.sent(customer.chat(), Outbound.Buttons.class);
        assertThat(offers).hasSize(1);
        return offers.get(0);
    }

    /** Presses the offer's Confirm: the money is reserved, the switch not asked yet. */
    void confirm(Customers.Customer customer, Outbound.Buttons offer) {
        chats.say(customer.chat(), new Inbound.Button(offer.buttons().get(0).reference()));
    }

    /**
     * An account of the biller nobody paid in this JVM yet: a due bill is paid once (review 2026-12-07
     * billing follow-up), by the bank and by the sandbox switch alike.
     */
    static String freshAccount(String billerId) {
        synchronized (ACCOUNTS) {
            return account(BillerRegistry.shipped().find(billerId).orElseThrow(), ACCOUNTS);
        }
    }

    /** An account in the biller's format with its check digit, drawn from the seeded generator. */
    static String account(ForeignBiller biller, RandomGenerator random) {
        for (int tries = 0; tries < 100_000; tries++) {
            int length = 8 + random.nextInt(7);
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < length; i++) {
                digits.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
            }
            if (biller.account(digits.toString()).isPresent()) {
                return digits.toString();
            }
        }
        throw new AssertionError("no account drawn for " + biller.id());
    }

    /** The customer's one account-bill payment. */
    UUID accountBillOf(Customers.Customer customer) {
        return jdbc.sql("SELECT id FROM billing_account_bill_payments WHERE customer_id = ?")
                .param(customer.id().value())
                .query(UUID.class)
                .single();
    }
}
