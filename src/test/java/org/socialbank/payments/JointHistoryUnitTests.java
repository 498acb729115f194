package org.socialbank.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.risk.ConfirmationsElsewhere;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;

/**
 * Security review #4, both ways: a chat's confirmations for a P2P payment are the payments
 * module's own plus every other module's; everything else the policy asks stays the payments
 * module's own.
 */
class JointHistoryUnitTests {

    static final CustomerId PAYER = new CustomerId(UUID.fromString("6f1c1c1e-0000-4000-8000-000000000001"));
    static final Instant LINKED = Instant.parse("2026-12-02T08:00:00Z");
    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @Test
    @DisplayName("with no other module, a chat's confirmations are the payments module's own")
    void noOtherModuleLeavesTheOwnCount() {
        History joint = new JointHistory(new Own(2), List.of());

        assertThat(joint.confirmedSince(PAYER, "telegram", LINKED)).isEqualTo(2);
    }

    @Test
    @DisplayName("every other module's confirmations in the chat are added, each asked the same question")
    void everyOtherModulesConfirmationsAreAdded() {
        Asked billing = new Asked(1);
        Asked another = new Asked(3);
        History joint = new JointHistory(new Own(0), List.of(billing, another));

        assertThat(joint.confirmedSince(PAYER, "telegram", LINKED))
                .as("a top-up confirmed on the page counts for a P2P payment of the same chat")
                .isEqualTo(4);
        assertThat(billing.questions).containsExactly(PAYER + "|telegram|" + LINKED);
        assertThat(another.questions).containsExactly(PAYER + "|telegram|" + LINKED);
        assertThat(new JointHistory(new Own(2), List.of(billing)).confirmedSince(PAYER, "telegram", LINKED))
                .isEqualTo(3);
    }

    @Test
    @DisplayName("limits, bursts and new payees are the payments module's own: no other module is asked")
    void onlyConfirmationsAreJoined() {
        Asked billing = new Asked(5);
        History joint = new JointHistory(new Own(2), List.of(billing));

        assertThat(joint.sentMinor(PAYER, EUR, Optional.of("telegram"), LINKED)).isEqualTo(Own.SENT_MINOR);
        assertThat(joint.paymentsSince(PAYER, LINKED)).isEqualTo(Own.PAYMENTS);
        assertThat(joint.newPayeesSince(PAYER, LINKED)).isEqualTo(Own.NEW_PAYEES);
        assertThat(billing.questions).isEmpty();
    }

    /** The payments module's answers: fixed numbers, distinct per question. */
    record Own(int confirmed) implements History {

        static final long SENT_MINOR = 12_345;
        static final int PAYMENTS = 7;
        static final int NEW_PAYEES = 3;

        @Override
        public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
            return SENT_MINOR;
        }

        @Override
        public int paymentsSince(CustomerId payer, Instant from) {
            return PAYMENTS;
        }

        @Override
        public int newPayeesSince(CustomerId payer, Instant from) {
            return NEW_PAYEES;
        }

        @Override
        public int confirmedSince(CustomerId payer, String channel, Instant from) {
            return confirmed;
        }
    }

    /** Another module's confirmations: a fixed count, and the questions it was asked. */
    static final class Asked implements ConfirmationsElsewhere {

        final int confirmed;
        final List<String> questions = new ArrayList<>();

        Asked(int confirmed) {
            this.confirmed = confirmed;
        }

        @Override
        public int confirmedSince(CustomerId payer, String channel, Instant from) {
            questions.add(payer + "|" + channel + "|" + from);
            return confirmed;
        }
    }
}
