package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.support.MigrationStores;
import org.socialbank.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 channels follow-up (X's v2 DMs carry no quick replies): a DM that is just a
 * choice number, in any of the digits customers type, answers the numbered choices of the chat's
 * open sets while they are fresh; a pushed set never takes the numbers of one still open; the
 * tables of {@code V100__x_choices.sql} and {@code V106__x_choice_sets.sql} on H2 and PostgreSQL.
 */
class XChoicesUnitTests {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(15);
    static final String CHAT = "1500000000000000042";
    static final String MIGRATION = "V100__x_choices.sql";
    static final String SETS = "V106__x_choice_sets.sql";

    /** A fresh store with the migrations' own tables. */
    static JdbcClient store(String kind) {
        return MigrationStores.store(kind, MIGRATION, SETS);
    }

    /** Runs {@code V100__x_choices.sql} and {@code V106__x_choice_sets.sql}. */
    static void table(JdbcClient jdbc) {
        MigrationStores.run(jdbc, MIGRATION);
        MigrationStores.run(jdbc, SETS);
    }

    static Stream<String> stores() {
        return MigrationStores.kinds();
    }

    static InboundMessage dm(String text) {
        return new InboundMessage(Network.X, "dm:" + UUID.randomUUID(), CHAT, "alice", null, new Inbound.Text(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", " 2 ", "۱", "١", "１", "\u200F۲\u200F", "\u00A03\n", "12", "٠٧"})
    @DisplayName(
            "review 2026-12-07 channels follow-up: a choice number in ASCII, Persian, Arabic-Indic or full-width digits")
    void aWholeTextOfDigitsIsANumber(String text) {
        assertThat(XChoices.number(text)).isNotEmpty();
    }

    @Test
    void theNumbersValueWhateverItsDigits() {
        assertThat(XChoices.number("۲")).isEqualTo(OptionalInt.of(2));
        assertThat(XChoices.number("٣")).isEqualTo(OptionalInt.of(3));
        assertThat(XChoices.number("２")).isEqualTo(OptionalInt.of(2));
        assertThat(XChoices.number(" 1 ")).isEqualTo(OptionalInt.of(1));
        assertThat(XChoices.number("۱۲")).isEqualTo(OptionalInt.of(12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.", "one", "1 2", "1a", "+1", "-1", "1234", "۱۰۰۰", "#1", "一", "1️⃣", "pay 1"})
    @DisplayName("review 2026-12-07 channels follow-up: any other text is no choice number")
    void anythingElseIsNoNumber(String text) {
        assertThat(XChoices.number(text)).isEmpty();
    }

    /** She DMs {@code text}; the engine answers with {@code replies}; what it was read as. */
    static Inbound send(XChoices choices, String text, Outbound... replies) {
        XChoices.Reading reading = choices.read(dm(text));
        choices.settle(
                reading,
                java.util.Arrays.stream(replies)
                        .map(reply -> reply(CHAT, reply))
                        .toList());
        return reading.message().content();
    }

    /** The engine's reply to {@code recipient}, as the outbox holds it. */
    static OutboundMessage reply(String recipient, Outbound content) {
        return new OutboundMessage(UUID.randomUUID(), new IdentityId(UUID.randomUUID()), Network.X, recipient, content);
    }

    static Inbound.Button press(String reference, String typed) {
        return new Inbound.Button(reference, typed);
    }

    static final Outbound QUESTION = new Outbound.Text("Type another amount, or 'cancel'");

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a number presses its open choice while fresh, and its set"
            + " ends with the press")
    void aNumberPressesItsChoiceWhileFreshAndEndsItsSet(String kind) {
        MutableClock clock = new MutableClock(START);
        XChoices choices = new XChoices(store(kind), clock, TTL);
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel")))
                .isEqualTo(1);
        assertThat(send(choices, "۲")).isEqualTo(press("ref-cancel", "۲"));
        // pressed: the set is no longer open, and the same number again is text
        assertThat(send(choices, "1")).isEqualTo(new Inbound.Text("1"));

        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-pay", "ref-decline")))
                .as("no set open: from 1 again")
                .isEqualTo(1);
        clock.advance(TTL.plusSeconds(1));
        assertThat(send(choices, "1")).isEqualTo(new Inbound.Text("1"));
        assertThat(choices.deleteStale(10)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a pushed set's numbers continue after the open ones, so"
            + " \"1\" is still the confirmation she was reading")
    void aPushedSetTakesTheNumbersAfterTheOpenOnes(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel")))
                .isEqualTo(1);
        // a money request pushed meanwhile: 3 and 4
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-pay", "ref-decline")))
                .isEqualTo(3);
        assertThat(choices.reference(CHAT, 1)).contains("ref-confirm");
        assertThat(choices.reference(CHAT, 3)).contains("ref-pay");
        assertThat(send(choices, "1")).isEqualTo(press("ref-confirm", "1"));
        // the request's set is still open; the next set continues after its numbers, not after the pressed one's
        assertThat(choices.reference(CHAT, 4)).contains("ref-decline");
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-wasnt-me")))
                .isEqualTo(5);
        assertThat(send(choices, "4")).isEqualTo(press("ref-decline", "4"));
        assertThat(send(choices, "5")).isEqualTo(press("ref-wasnt-me", "5"));
        assertThat(choices.open(CHAT)).isEmpty();
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-a"))).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a number of no open set is text and ends the sets shown"
            + " before it; a set sent since stays")
    void aNumberOfNoSetIsTextAndEndsTheSetsShownBeforeIt(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        XChoices.Reading amount = choices.read(dm("500"));
        assertThat(amount.message().content()).isEqualTo(new Inbound.Text("500"));
        UUID since = UUID.randomUUID();
        assertThat(choices.remember(CHAT, since, List.of("ref-new"))).isEqualTo(3);
        choices.settle(amount, List.of());
        assertThat(choices.open(CHAT)).extracting(XChoices.ChoiceSet::outboxId).containsExactly(since);
        assertThat(send(choices, "2")).isEqualTo(new Inbound.Text("2"));
        assertThat(choices.open(CHAT)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: the bank's reply other than buttons ends the sets shown"
            + " before it; a Buttons reply, a push and the public note do not")
    void theBanksNextQuestionEndsTheSetsShownBeforeIt(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-pay", "ref-decline"));
        // a press answered with buttons (the other amount's confirmation): only the pressed set ends
        send(choices, "1", new Outbound.Buttons("Pay 2?", List.of(new Outbound.Button("Confirm", "ref-2"))));
        assertThat(choices.reference(CHAT, 3)).contains("ref-pay");
        // a tweet answered by the public note only: nothing ends
        XChoices.Reading tweet = choices.read(
                new InboundMessage(Network.X, "tweet:7", CHAT, "alice", null, new Inbound.Text("hi"), "tweet:7"));
        assertThat(tweet.message().content()).isEqualTo(new Inbound.Text("hi"));
        choices.settle(tweet, List.of(reply("tweet:7", new Outbound.Text("@alice I have answered you privately."))));
        assertThat(choices.reference(CHAT, 3)).contains("ref-pay");
        // the same tweet answered by DM: the sets shown before it end
        choices.settle(tweet, List.of(reply("tweet:7", new Outbound.Receipt("Paid", List.of("2.00")))));
        assertThat(choices.open(CHAT)).isEmpty();

        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-pay", "ref-decline"));
        assertThat(send(choices, "3", QUESTION)).isEqualTo(press("ref-pay", "3"));
        assertThat(send(choices, "1")).isEqualTo(new Inbound.Text("1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: at most 10 sets and 50 numbers open per chat, the oldest"
            + " dropped first, and never a number past 999")
    void theOpenSetsAreBounded(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        for (int i = 0; i < XChoices.SETS_MAX + 1; i++) {
            assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-" + i)))
                    .isEqualTo(i + 1);
        }
        assertThat(choices.open(CHAT)).hasSize(XChoices.SETS_MAX);
        assertThat(choices.reference(CHAT, 1)).as("the oldest, dropped").isEmpty();
        assertThat(choices.reference(CHAT, 11)).contains("ref-10");

        List<String> eight = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        for (int i = 0; i < 6; i++) {
            choices.remember(CHAT, UUID.randomUUID(), eight);
        }
        assertThat(choices.open(CHAT).stream()
                        .mapToInt(set -> set.references().size())
                        .sum())
                .isLessThanOrEqualTo(XChoices.OPEN_NUMBERS_MAX);
        List<XChoices.ChoiceSet> open = choices.open(CHAT);
        for (int i = 1; i < open.size(); i++) {
            assertThat(open.get(i).first())
                    .as("numbers never shared while open")
                    .isGreaterThan(open.get(i - 1).last());
        }

        // a long run of sets, one always open: at 999 the open sets end and the numbers start again
        int first = 0;
        for (int i = 0; i < 130 && first != 1; i++) {
            first = choices.remember(CHAT, UUID.randomUUID(), eight);
            assertThat(first + 7).isLessThanOrEqualTo(XChoices.NUMBER_MAX);
        }
        assertThat(first).isEqualTo(1);
        assertThat(choices.open(CHAT)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName(
            "review 2026-12-07 channels follow-up: other text ends the choices; tweets and other chats are untouched")
    void otherTextEndsTheChoices(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        InboundMessage tweet =
                new InboundMessage(Network.X, "tweet:1", CHAT, "alice", null, new Inbound.Text("1"), "tweet:1");
        XChoices.Reading read = choices.read(tweet);
        assertThat(read.message()).isSameAs(tweet);
        choices.settle(read, List.of());
        InboundMessage other =
                new InboundMessage(Network.X, "dm:9", "1500000000000000043", "bob", null, new Inbound.Text("1"));
        assertThat(choices.read(other).message().content()).isEqualTo(new Inbound.Text("1"));
        assertThat(choices.read(dm("1")).message().content()).isInstanceOf(Inbound.Button.class);

        assertThat(send(choices, "pay @bob 5")).isEqualTo(new Inbound.Text("pay @bob 5"));
        assertThat(send(choices, "1")).isEqualTo(new Inbound.Text("1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a message X refused removes its own choices, never others")
    void aRefusedMessageRemovesOnlyItsOwnChoices(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        UUID refused = UUID.randomUUID();
        choices.remember(CHAT, refused, List.of("ref-old"));
        choices.forget(CHAT, refused);
        assertThat(choices.reference(CHAT, 1)).isEmpty();

        UUID older = UUID.randomUUID();
        choices.remember(CHAT, older, List.of("ref-a"));
        assertThat(choices.remember(CHAT, UUID.randomUUID(), List.of("ref-b"))).isEqualTo(2);
        choices.forget(CHAT, older);
        assertThat(choices.reference(CHAT, 2)).contains("ref-b");
        // the same message sent again (the relay's retry) shows its choices anew, once
        UUID retried = UUID.randomUUID();
        assertThat(choices.remember(CHAT, retried, List.of("ref-c"))).isEqualTo(3);
        assertThat(choices.remember(CHAT, retried, List.of("ref-c"))).isEqualTo(3);
        assertThat(choices.open(CHAT)).hasSize(2);
    }
}
