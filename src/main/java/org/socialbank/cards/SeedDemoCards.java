package org.socialbank.cards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.sandbox.SandboxCardProcessor;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo bank's cards, issued once the demo bank is seeded (the ready event comes after the
 * demo's start-up runner): a debit card on every demo wallet, and a credit card for Alice (EUR) and
 * Wang (CNY) with a month of sandbox purchases and the statement the job writes for them with the
 * demo's clock. Fixed ids: on a restart every card is an exact replay and nothing is bought twice.
 */
@Component
class SeedDemoCards {

    private static final Logger log = LoggerFactory.getLogger(SeedDemoCards.class);
    /** Credit cards by demo customer: currency and limit in minor units. */
    private static final Map<String, Map.Entry<String, Long>> CREDIT =
            Map.of("alice", Map.entry("EUR", 300_000L), "wang", Map.entry("CNY", 3_000_000L));

    private static final int PURCHASES = 6;
    private static final int FEED_ROUNDS_MAX = 10;

    private final DemoMode demo;
    private final Cards cards;
    private final CardFeed feed;
    private final CardProcessor processor;
    private final Statements statements;
    private final CardsProperties properties;
    private final Clock clock;

    SeedDemoCards(
            DemoMode demo,
            Cards cards,
            CardFeed feed,
            CardProcessor processor,
            Statements statements,
            CardsProperties properties,
            Clock clock) {
        this.demo = demo;
        this.cards = cards;
        this.feed = feed;
        this.processor = processor;
        this.statements = statements;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!demo.enabled()) {
            return;
        }
        int issued = 0;
        for (DemoCustomer customer : DemoBank.CUSTOMERS) {
            for (DemoCustomer.Wallet wallet : customer.wallets()) {
                issued += check(cards.issueDebit(
                        id("debit:" + customer.key() + ":" + wallet.currency()),
                        customer.customerId(),
                        DemoBank.wallet(customer, wallet.currency())));
            }
            if (CREDIT.containsKey(customer.key())) {
                issued += creditCard(customer, CREDIT.get(customer.key()));
            }
        }
        for (int round = 0; round < FEED_ROUNDS_MAX && feed.readFeed() > 0; round++) {
            // books what the sandbox generated, one bounded batch a round
        }
        int written = statements.run();
        log.info("Demo cards: {} issued, {} statements written", issued, written);
    }

    private int creditCard(DemoCustomer customer, Map.Entry<String, Long> terms) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate lastStatement = today.minusDays(5);
        if (lastStatement.getDayOfMonth() > 28) {
            lastStatement = lastStatement.withDayOfMonth(28);
        }
        LocalDate issuedOn = lastStatement.minusMonths(1);
        CardResult result = cards.issueCredit(
                id("credit:" + customer.key()),
                customer.customerId(),
                CurrencyCode.of(terms.getKey()),
                terms.getValue(),
                lastStatement.getDayOfMonth(),
                issuedOn);
        int created = check(result);
        if (created == 1 && processor instanceof SandboxCardProcessor sandbox) {
            Card card = ((CardResult.Done) result).card();
            sandbox.purchases(
                    card,
                    PURCHASES,
                    issuedOn.plusDays(1),
                    lastStatement.minusDays(1),
                    terms.getValue() / 100,
                    terms.getValue() / 20,
                    customer.key().hashCode());
        }
        return created;
    }

    private static int check(CardResult result) {
        if (result instanceof CardResult.Done done) {
            return done.replayed() ? 0 : 1;
        }
        throw new IllegalStateException("Demo cards: a card was refused: "
                + ((CardResult.Refused) result).code().code());
    }

    private static CardId id(String name) {
        return new CardId(UUID.nameUUIDFromBytes(("socialbank-demo-cards:" + name).getBytes(StandardCharsets.UTF_8)));
    }
}
