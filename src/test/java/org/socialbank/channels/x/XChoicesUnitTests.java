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
import org.socialbank.shared.Network;
import org.socialbank.support.MigrationStores;
import org.socialbank.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 2026-12-07 channels follow-up (X's v2 DMs carry no quick replies): a DM that is just a
 * choice number, in any of the digits customers type, answers the numbered choices of the chat's
 * last Buttons message while they are fresh; the table of {@code V100__x_choices.sql} on H2 and
 * PostgreSQL.
 */
class XChoicesUnitTests {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(15);
    static final String CHAT = "1500000000000000042";
    static final String MIGRATION = "V100__x_choices.sql";

    /** A fresh store with the migration's own table. */
    static JdbcClient store(String kind) {
        return MigrationStores.store(kind, MIGRATION);
    }

    /** Runs {@code V100__x_choices.sql}. */
    static void table(JdbcClient jdbc) {
        MigrationStores.run(jdbc, MIGRATION);
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

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName(
            "review 2026-12-07 channels follow-up: a number presses the latest Buttons message's choice while fresh")
    void aNumberPressesTheLatestChoiceWhileFresh(String kind) {
        MutableClock clock = new MutableClock(START);
        XChoices choices = new XChoices(store(kind), clock, TTL);
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-confirm", "ref-cancel"));
        assertThat(choices.read(dm("1")).content()).isEqualTo(new Inbound.Button("ref-confirm"));
        assertThat(choices.read(dm("۲")).content()).isEqualTo(new Inbound.Button("ref-cancel"));
        assertThat(choices.read(dm("3")).content()).isEqualTo(new Inbound.Text("3"));
        assertThat(choices.read(dm("0")).content()).isEqualTo(new Inbound.Text("0"));
        // the same number again is the same press: the engine's check makes it single use
        assertThat(choices.read(dm("1")).content()).isEqualTo(new Inbound.Button("ref-confirm"));

        // a newer Buttons message: the numbers are its own
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-pay", "ref-decline"));
        assertThat(choices.read(dm("1")).content()).isEqualTo(new Inbound.Button("ref-pay"));

        clock.advance(TTL.plusSeconds(1));
        assertThat(choices.read(dm("1")).content()).isEqualTo(new Inbound.Text("1"));
        assertThat(choices.deleteStale(10)).isEqualTo(1);
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
        assertThat(choices.read(tweet)).isSameAs(tweet);
        InboundMessage other =
                new InboundMessage(Network.X, "dm:9", "1500000000000000043", "bob", null, new Inbound.Text("1"));
        assertThat(choices.read(other).content()).isEqualTo(new Inbound.Text("1"));
        assertThat(choices.read(dm("1")).content()).isInstanceOf(Inbound.Button.class);

        assertThat(choices.read(dm("pay @bob 5")).content()).isEqualTo(new Inbound.Text("pay @bob 5"));
        assertThat(choices.read(dm("1")).content()).isEqualTo(new Inbound.Text("1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    @DisplayName("review 2026-12-07 channels follow-up: a message X refused removes its own choices, never newer ones")
    void aRefusedMessageRemovesOnlyItsOwnChoices(String kind) {
        XChoices choices = new XChoices(store(kind), new MutableClock(START), TTL);
        UUID refused = UUID.randomUUID();
        choices.remember(CHAT, refused, List.of("ref-old"));
        choices.forget(CHAT, refused);
        assertThat(choices.reference(CHAT, 1)).isEmpty();

        UUID older = UUID.randomUUID();
        choices.remember(CHAT, older, List.of("ref-a"));
        choices.remember(CHAT, UUID.randomUUID(), List.of("ref-b"));
        choices.forget(CHAT, older);
        assertThat(choices.reference(CHAT, 1)).contains("ref-b");
    }
}
