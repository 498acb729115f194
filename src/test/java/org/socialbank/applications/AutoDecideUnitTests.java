package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.applications.sandbox.SandboxUnderwriting;
import org.socialbank.shared.DemoMode;

/**
 * Whether the underwriting's verdicts are applied at once: as {@code auto-decide} says when it is
 * set; when not, yes with the bank's own underwriting or in demo mode, and no when the sandbox's
 * income-only rules underwrite a real bank (no loan is paid out on them; staff decide).
 */
class AutoDecideUnitTests {

    private static final DemoMode REAL = new DemoMode(false);
    private static final DemoMode DEMO = new DemoMode(true);
    private final Underwriting sandbox = new SandboxUnderwriting();
    private final Underwriting own = applicant -> new Underwriting.Verdict(Underwriting.Decision.APPROVE, List.of());

    @Test
    @DisplayName("the sandbox outside demo mode leaves every decision to staff unless auto-decide is set")
    void theSandboxOutsideDemoModeDecidesNothingUnlessSet() {
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(null), sandbox, REAL))
                .isFalse();
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(null), sandbox, DEMO))
                .isTrue();
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(true), sandbox, REAL))
                .isTrue();
    }

    @Test
    void theBanksOwnUnderwritingDecidesUnlessTurnedOff() {
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(null), own, REAL))
                .isTrue();
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(false), own, REAL))
                .isFalse();
        assertThat(Decisions.autoDecide(ApplicationsSettings.autoDecide(false), sandbox, DEMO))
                .isFalse();
    }
}
