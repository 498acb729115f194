package org.socialbank.sweeping;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly job of the standing rules. Safe to run on several nodes and to run again: a due
 * rule's pull id derives from the rule and the month, and the pull is recorded under the
 * consent's lock, so a month's pull is made once; a node that restarts picks up where it was.
 */
@Component
class StandingRules {

    private static final Logger log = LoggerFactory.getLogger(StandingRules.class);

    private final JdbcRules rules;
    private final JdbcPulls pulls;
    private final CollectMoney collect;
    private final SweepingProperties properties;
    private final Clock clock;

    StandingRules(JdbcRules rules, JdbcPulls pulls, CollectMoney collect, SweepingProperties properties, Clock clock) {
        this.rules = rules;
        this.pulls = pulls;
        this.collect = collect;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.sweeping.rules-interval:10m}",
            initialDelayString = "${socialbank.sweeping.rules-interval:10m}")
    void scheduled() {
        if (properties.rulesEnabled()) {
            run();
        }
    }

    /** Pulls for every rule due today that has not pulled this month; returns how many pulls it made. */
    int run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        int made = 0;
        Optional<RuleId> after = Optional.empty();
        List<SweepRule> page;
        do {
            page = rules.active(after, properties.batchMax());
            for (SweepRule rule : page) {
                made += runOne(rule, today) ? 1 : 0;
                after = Optional.of(rule.id());
            }
        } while (page.size() == properties.batchMax());
        return made;
    }

    private boolean runOne(SweepRule rule, LocalDate today) {
        LocalDate created = LocalDate.ofInstant(rule.createdAt(), properties.zone());
        Optional<YearMonth> month = RuleSchedule.dueMonth(rule.dayOfMonth(), created, today);
        if (month.isEmpty()) {
            return false;
        }
        PullId id = RuleSchedule.pullId(rule.id(), month.get());
        if (pulls.find(id).isPresent()) {
            return false;
        }
        try {
            CollectResult result = collect.collect(
                    new CollectRequest(id, rule.customerId(), rule.consentId(), OptionalLong.empty(), rule.keepMinor()),
                    Optional.of(rule.id()));
            return result instanceof CollectResult.Done done && !done.replayed();
        } catch (RuntimeException e) {
            log.warn("The standing rule {} failed this round; will try again", rule.id(), e);
            return false;
        }
    }
}
