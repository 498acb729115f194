package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BookingPolicyUnitTests {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z"); // a Wednesday
    static final Duration HORIZON = Duration.ofDays(60);
    static final BranchSchedule SCHEDULE = SlotsUnitTests.paris(SlotsUnitTests.weekdays("09:00", "17:30"));

    static Object check(String start, String service) {
        return BookingPolicy.check(SCHEDULE, OffsetDateTime.parse(start), service, NOW, HORIZON)
                .map(BookingRefusal::code)
                .orElse("ok");
    }

    @Test
    void refusesWithTheFirstRuleBroken() {
        assertThat(check("2026-12-03T09:00+01:00", "mortgage")).isEqualTo("ok");
        assertThat(check("2026-12-03T09:00+01:00", null)).isEqualTo("ok");
        assertThat(check("2026-12-01T09:00+01:00", "mortgage")).isEqualTo("in_the_past");
        assertThat(check("2026-12-02T09:00+01:00", "mortgage")).isEqualTo("in_the_past"); // exactly now
        assertThat(check("2027-03-01T09:00+01:00", "mortgage")).isEqualTo("too_far_ahead");
        assertThat(check("2026-12-03T09:00+01:00", "safe_deposit")).isEqualTo("service_not_offered");
        assertThat(check("2026-12-05T09:00+01:00", "mortgage")).isEqualTo("branch_closed"); // a Saturday
        assertThat(check("2026-12-03T09:15+01:00", "mortgage")).isEqualTo("not_a_slot_start");
        assertThat(check("2026-12-03T08:30+01:00", "mortgage")).isEqualTo("not_a_slot_start"); // before opening
    }
}
