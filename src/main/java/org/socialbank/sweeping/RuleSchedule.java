package org.socialbank.sweeping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * When a standing rule pulls, pure: once a month, on its day or the month's last day when the
 * month is shorter, and on any later day of the same month when no pull was made yet (a node that
 * was down catches up). A rule created after this month's day first pulls next month. The pull's
 * id derives from the rule and the month, so every node computes the same one.
 */
final class RuleSchedule {

    private RuleSchedule() {}

    static LocalDate dueDate(int dayOfMonth, YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    /** The month a pull is due for today, if one is. */
    static Optional<YearMonth> dueMonth(int dayOfMonth, LocalDate createdOn, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        LocalDate due = dueDate(dayOfMonth, month);
        return !today.isBefore(due) && !createdOn.isAfter(due) ? Optional.of(month) : Optional.empty();
    }

    static PullId pullId(RuleId rule, YearMonth month) {
        return new PullId(UUID.nameUUIDFromBytes(
                ("socialbank-sweeping:rule:" + rule + ":" + month).getBytes(StandardCharsets.UTF_8)));
    }
}
