package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.dialogue.DialogueState;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/** Security review #7 (issue 12): one message names at most {@value ParsedCommand#PAYEES_MAX} people. */
class PayeeCapUnitTests {

    final Dialogue dialogue = new Dialogue(DialogueUnitTests.KEYS, java.time.Duration.ofMinutes(10));
    final FakeBank bank = new FakeBank().linkedIn(Language.EN);

    static String handles(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "@p" + i).collect(Collectors.joining(" "));
    }

    String answer(String text) {
        List<Outbound> replies = dialogue.handle(
                        DialogueState.NEW, Network.TELEGRAM, new Inbound.Text(text), false, bank)
                .replies();
        return DialogueUnitTests.text(replies.subList(0, 1));
    }

    @Test
    @DisplayName("security review #7: a split with 51 members is refused before anyone is looked up or asked")
    void aSplitWithTooManyMembersIsRefused() {
        assertThat(answer("split 60 with " + handles(51))).isEqualTo("en:conversation.payees.too_many[20]");
        assertThat(answer("split 60 with " + handles(21))).isEqualTo("en:conversation.payees.too_many[20]");
        assertThat(bank.lastSplitShares).as("no split was made").isNull();
        assertThat(answer("split 60 with " + handles(20))).startsWith("en:conversation.split.made");
        assertThat(bank.lastSplitShares).as("equal shares: the split was made").isNotNull();
    }

    @Test
    void requestsAndPaymentsNamingTooManyPeopleAreRefusedToo() {
        assertThat(answer("request 5 from " + handles(30))).isEqualTo("en:conversation.payees.too_many[20]");
        assertThat(answer("pay " + handles(25) + " 10")).isEqualTo("en:conversation.payees.too_many[20]");
        assertThat(bank.asked).isEmpty();
        assertThat(bank.payments).isEmpty();
    }

    @Test
    @DisplayName(
            "security review #7: a split whose share cannot be read is refused, not an exception (found by the fuzz)")
    void anUnreadableShareRefusesTheAmountsInsteadOfThrowing() {
        ParsedCommand command = new CommandParser()
                .parse("split 100 @bob 1.500 @carol 20", Optional.empty(), Context.of(Network.TELEGRAM, null));
        assertThat(command.amountProblem()).isPresent();
        assertThat(command.amount()).isEmpty();
        assertThat(command.shares()).isEmpty();
        assertThat(answer("split 100 @bob 1.500 @carol 20")).startsWith("en:");
    }

    @Test
    void theParserKeepsOneMoreThanTheCapAndSaysTheTextNamesTooMany() {
        CommandParser parser = new CommandParser();
        ParsedCommand many =
                parser.parse("split 60 with " + handles(150), Optional.empty(), Context.of(Network.TELEGRAM, null));
        assertThat(many.payees()).hasSize(ParsedCommand.PAYEES_MAX + 1);
        assertThat(many.tooManyPayees()).isTrue();
        ParsedCommand twenty =
                parser.parse("split 60 with " + handles(20), Optional.empty(), Context.of(Network.TELEGRAM, null));
        assertThat(twenty.payees()).hasSize(20);
        assertThat(twenty.tooManyPayees()).isFalse();
    }
}
