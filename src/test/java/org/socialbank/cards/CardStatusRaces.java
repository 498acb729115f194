package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.support.Races.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Locks and unlocks of one card racing: each transition happens once and is answered as new once,
 * so none is lost and none told twice (review 2026-12-07 cards/sweeping follow-up). Run on H2 and
 * on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = "socialbank.cards.statement-interval=1d")
abstract class CardStatusRaces {

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Cards cards;

    CardsFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CardsFixtures(directory, ledger, cards);
    }

    @Test
    @DisplayName("racing locks and unlocks of a card lose no transition and answer each as new once (review "
            + "2026-12-07 cards/sweeping follow-up)")
    void racingLocksAndUnlocksLoseNoTransitionAndAnswerEachAsNewOnce() throws Exception {
        long seed = Seeds.seed("racingLocksAndUnlocks");
        RandomGenerator random = Seeds.random(seed);
        Card card = fixtures.holder(0, 100_000, 10).debit();
        for (int round = 0; round < 60; round++) {
            CardStatus before = cards.card(card.id()).orElseThrow().status();
            List<Callable<CardResult>> calls = new ArrayList<>();
            List<Boolean> locking = new ArrayList<>();
            for (int i = random.nextInt(2, 13); i > 0; i--) {
                boolean lock = random.nextBoolean();
                locking.add(lock);
                calls.add(lock ? () -> cards.lock(card.id()) : () -> cards.unlock(card.id()));
            }
            List<CardResult> results = race(calls);
            String replay = Seeds.replay(seed) + ", round " + round + ": " + locking + " -> " + results;
            assertThat(results).as(replay).allMatch(CardResult.Done.class::isInstance);
            int moved = 0;
            for (int i = 0; i < results.size(); i++) {
                if (!((CardResult.Done) results.get(i)).replayed()) {
                    moved += locking.get(i) ? 1 : -1;
                }
            }
            CardStatus after = cards.card(card.id()).orElseThrow().status();
            // new transitions alternate: at most one more lock than unlocks from active, and the reverse
            assertThat(before == CardStatus.ACTIVE ? moved : -moved).as(replay).isBetween(0, 1);
            assertThat(after)
                    .as(replay)
                    .isEqualTo(moved == 0 ? before : moved > 0 ? CardStatus.LOCKED : CardStatus.ACTIVE);
        }
    }
}
