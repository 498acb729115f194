package org.socialbank.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Races;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two first changes of one topic at once (review 2026-12-07 console follow-up): both find no row
 * and insert it, the loser's insert fails on the key. Each still answers a change, on H2 and on
 * PostgreSQL, where a failed statement used to abort the loser's transaction (a 500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class TopicsRace {

    static final int ROUNDS = 15;
    static final int NODES = 4;

    @Autowired
    Topics topics;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("review 2026-12-07 console follow-up: merges racing into a topic without a row each answer a change")
    void mergesRacingIntoATopicWithoutARowEachAnswerAChange() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            jdbc.sql("DELETE FROM listening_topics").update();
            List<Callable<Topics.Change>> merges = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                String by = "staff-" + node;
                merges.add(() -> topics.merge(Topic.FEES, Topic.APP_DOWN, by));
            }

            List<Topics.Change> changes = Races.race(merges);

            assertThat(changes).filteredOn(c -> c instanceof Topics.Moved).hasSize(1);
            assertThat(changes)
                    .filteredOn(c -> !(c instanceof Topics.Moved))
                    .allSatisfy(c -> assertThat(c).isEqualTo(new Topics.Refused("already_merged")));
        }
    }
}
