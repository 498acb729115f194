package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.shared.Network;

/**
 * Issue 13 (UX walk-through P9): a request or a split keeps what it is for, in the five languages,
 * as the customer wrote it, and nothing else does.
 */
class NotesUnitTests {

    private final CommandParser parser = new CommandParser();
    private final Context context = new Context(Network.TELEGRAM, null, List.of(), Set.of());

    @ParameterizedTest(name = "{0}")
    @DisplayName("issue 13: \"ask $alice 20 for pizza\" keeps \"pizza\"")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "ask $alice 20 for pizza | request | pizza",
                "request 20 from $camille for the concert tickets | request | the concert tickets",
                "request 20 for dinner from $camille | request | dinner",
                "ask for 20 from $alice | request | -",
                "split 60 with $camille and $ivan for dinner | split | dinner",
                "pay $camille 10 for pizza | pay | -",
                "demande 20 € à $alice pour le resto | request | le resto",
                "запроси 20 евро у $alice за ужин | request | ужин",
                "درخواست ۵۰ هزار تومان از $sara برای شام | request | شام",
                "برای شام از $sara ۵۰ هزار تومان درخواست کن | request | شام",
                "向$wang要200元用于聚餐 | request | 聚餐",
                "request 20 from $camille | request | -"
            })
    void keepsTheNoteOfARequestOrASplit(String text, String intent, String note) {
        ParsedCommand command = parser.parse(text, Optional.empty(), context);
        assertThat(command.intent().wireName()).isEqualTo(intent);
        assertThat(command.note()).isEqualTo(Optional.ofNullable(note));
        assertThat(command.payees()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void aLongNoteIsCutToWhatARequestStores() {
        String text = "ask $alice 20 for " + "pizza ".repeat(40);
        assertThat(parser.parse(text, Optional.empty(), context).note())
                .hasValueSatisfying(n -> assertThat(n.length()).isLessThanOrEqualTo(Notes.LENGTH_MAX));
    }
}
