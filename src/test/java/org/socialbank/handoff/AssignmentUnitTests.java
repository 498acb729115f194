package org.socialbank.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/** Fair order, round-robin and capacity, with seeded random queues and teams (the seed is in the test's name). */
class AssignmentUnitTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void fraudGoesFirstThenTheOldest() {
        Assignment.Waiting old = waiting("support", Language.EN, 0, 0);
        Assignment.Waiting newer = waiting("support", Language.EN, 0, 60);
        Assignment.Waiting fraud = waiting("support", Language.EN, 1, 120);
        List<Assignment.Waiting> queue = new ArrayList<>(List.of(newer, fraud, old));
        queue.sort(Assignment.FAIR);
        assertThat(queue).containsExactly(fraud, old, newer);
        assertThat(Assignment.position(newer, queue)).isEqualTo(3);
    }

    @Test
    void roundRobinGivesTheNextCaseToWhoWaitedLongest() {
        Assignment.Agent a = agent("a", 2, 0, true, Optional.of(T0.plusSeconds(10)));
        Assignment.Agent b = agent("b", 2, 0, true, Optional.of(T0));
        Assignment.Agent c = agent("c", 2, 0, true, Optional.empty());
        assertThat(Assignment.next(List.of(a, b, c), "support", Language.EN)).contains(c);
        assertThat(Assignment.next(List.of(a, b), "support", Language.EN)).contains(b);
        assertThat(Assignment.next(List.of(a, agent("full", 2, 2, true, Optional.empty())), "support", Language.EN))
                .contains(a);
        assertThat(Assignment.next(List.of(agent("away", 2, 0, false, Optional.empty())), "support", Language.EN))
                .isEmpty();
        assertThat(Assignment.next(List.of(a), "fraud", Language.EN)).isEmpty();
        assertThat(Assignment.next(List.of(a), "support", Language.ZH)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 19, 2026, 424242})
    void aSimulatedDayNeverExceedsCapacityAndServesEachQueueInFairOrder(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<String> teams = List.of("support", "fraud", "cards");
        List<Language> languages = List.of(Language.EN, Language.FR, Language.FA);
        Map<String, Integer> loads = new HashMap<>();
        Map<String, Instant> lastAssigned = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add("agent-" + i);
        }
        List<Assignment.Waiting> waiting = new ArrayList<>();
        Instant now = T0;
        for (int step = 0; step < 500; step++) {
            now = now.plusSeconds(1 + random.nextInt(30));
            if (random.nextInt(3) > 0) {
                waiting.add(new Assignment.Waiting(
                        new CaseId(new UUID(seed, step)),
                        teams.get(random.nextInt(3)),
                        languages.get(random.nextInt(3)),
                        random.nextInt(10) == 0 ? 1 : 0,
                        now));
            } else {
                String freed = ids.get(random.nextInt(ids.size()));
                loads.computeIfPresent(freed, (k, v) -> Math.max(0, v - 1));
            }
            List<Assignment.Agent> agents = agents(ids, loads, lastAssigned, seed);
            for (Assignment.Waiting head : heads(waiting)) {
                Optional<Assignment.Agent> to = Assignment.next(agents, head.team(), head.language());
                if (to.isPresent()) {
                    assertThat(to.get().load())
                            .as("seed %d", seed)
                            .isLessThan(to.get().capacity());
                    Assignment.Agent chosen = to.get();
                    assertThat(agents.stream()
                                    .filter(x -> x.canTake(head.team(), head.language()))
                                    .map(x -> x.lastAssignedAt().orElse(Instant.MIN))
                                    .min(Comparator.naturalOrder()))
                            .as("round robin, seed %d", seed)
                            .contains(chosen.lastAssignedAt().orElse(Instant.MIN));
                    loads.merge(chosen.id().value(), 1, Integer::sum);
                    lastAssigned.put(chosen.id().value(), now);
                    waiting.remove(head);
                    agents = agents(ids, loads, lastAssigned, seed);
                }
            }
        }
        ids.forEach(
                id -> assertThat(loads.getOrDefault(id, 0)).as("seed %d", seed).isLessThanOrEqualTo(3));
    }

    /** The first waiting case of each queue in fair order: a queue's later cases never go before it. */
    private static List<Assignment.Waiting> heads(List<Assignment.Waiting> waiting) {
        Map<String, Assignment.Waiting> heads = new HashMap<>();
        waiting.stream().sorted(Assignment.FAIR).forEach(w -> heads.putIfAbsent(w.team() + "/" + w.language(), w));
        return heads.values().stream().sorted(Assignment.FAIR).toList();
    }

    private static List<Assignment.Agent> agents(
            List<String> ids, Map<String, Integer> loads, Map<String, Instant> lastAssigned, long seed) {
        RandomGenerator skills = RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 31);
        List<Assignment.Agent> agents = new ArrayList<>();
        for (String id : ids) {
            Set<String> teams = skills.nextBoolean() ? Set.of("support", "fraud") : Set.of("support", "cards");
            Set<Language> languages =
                    skills.nextBoolean() ? Set.of(Language.EN, Language.FR) : Set.of(Language.EN, Language.FA);
            agents.add(new Assignment.Agent(
                    new AgentId(id),
                    teams,
                    languages,
                    3,
                    loads.getOrDefault(id, 0),
                    true,
                    Optional.ofNullable(lastAssigned.get(id))));
        }
        return agents;
    }

    private static Assignment.Waiting waiting(String team, Language language, int priority, long secondsAfter) {
        return new Assignment.Waiting(
                new CaseId(UUID.randomUUID()), team, language, priority, T0.plusSeconds(secondsAfter));
    }

    private static Assignment.Agent agent(
            String id, int capacity, int load, boolean available, Optional<Instant> lastAssignedAt) {
        return new Assignment.Agent(
                new AgentId(id), Set.of("support"), Set.of(Language.EN), capacity, load, available, lastAssignedAt);
    }
}
