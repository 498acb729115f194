package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Seeds;

/**
 * Random conversations against a model: a payment is made exactly when the Confirm button of the
 * form shown last is pressed once while that form is still current, and never above the limit.
 */
class DialogueRandomUnitTests {

    static final long LIMIT_MINOR = 100_000;
    static final String[] TEXTS = {
        "pay @bob 10",
        "pay",
        "@bob",
        "5",
        "7.25",
        "cancel",
        "balance",
        "history",
        "help",
        "language french",
        "language english",
        "pay @bob 2000",
        "pay @nobody 3",
        "blah",
        "pay @bob"
    };

    static LongStream seeds() {
        return Seeds.consecutive("DialogueRandomUnitTests", 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void paysExactlyWhenTheCurrentConfirmationIsPressed(long seed) {
        RandomGenerator random = Seeds.random(seed);
        FakeBank bank = new FakeBank().linkedIn(Language.EN);
        bank.stepUpAboveMinor = LIMIT_MINOR;
        bank.knows(new Alias(AliasType.HANDLE, Network.TELEGRAM, "bob"), "Bob B.");
        Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
        DialogueState state = DialogueState.NEW;
        List<String> shown = new ArrayList<>();
        String liveConfirm = null;
        long liveAmount = 0;
        for (int step = 0; step < 200; step++) {
            Inbound input = !shown.isEmpty() && random.nextInt(3) == 0
                    ? new Inbound.Button(shown.get(random.nextInt(shown.size())))
                    : new Inbound.Text(TEXTS[random.nextInt(TEXTS.length)]);
            int paymentsBefore = bank.payments.size();
            Dialogue.Step next = dialogue.handle(state, Network.TELEGRAM, input, false, bank);
            boolean expectPayment = input instanceof Inbound.Button b
                    && b.reference().equals(liveConfirm)
                    && liveAmount <= LIMIT_MINOR; // above it the bank holds the payment for its page
            assertThat(bank.payments.size() - paymentsBefore)
                    .as("seed %d step %d %s", seed, step, input)
                    .isEqualTo(expectPayment ? 1 : 0);
            assertThat(next.state().formVersion()).isGreaterThanOrEqualTo(state.formVersion());
            if (next.state().formVersion() != state.formVersion()
                    || input instanceof Inbound.Button b2 && b2.reference().equals(liveConfirm)) {
                liveConfirm = null; // a new or dropped form, or its own press, ends the confirmation shown
            }
            for (Outbound reply : next.replies()) {
                if (reply instanceof Outbound.Buttons buttons) {
                    // a confirmation in whichever language the chat speaks now, not a quick reply (issue 13)
                    if (buttons.text().matches("(?s)[a-z]{2}:conversation\\.pay\\.confirm.*")) {
                        liveConfirm = buttons.buttons().get(0).reference();
                        liveAmount = next.state().form().amountMinor();
                    }
                    buttons.buttons().forEach(b -> shown.add(b.reference()));
                }
            }
            state = next.state();
        }
        assertThat(bank.payments)
                .allSatisfy(p -> assertThat(p.amountMinor()).isPositive().isLessThanOrEqualTo(LIMIT_MINOR));
        // (amounts above the step-up threshold are held by the bank, never booked from a button)
    }
}
