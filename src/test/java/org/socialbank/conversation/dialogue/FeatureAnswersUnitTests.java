package org.socialbank.conversation.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.billing.BillerRegistry;
import org.socialbank.conversation.language.CommandParser;
import org.socialbank.conversation.language.Context;
import org.socialbank.conversation.language.Intent;
import org.socialbank.conversation.language.ParsedCommand;
import org.socialbank.shared.Network;

/**
 * Issue 18 R.2: the knowledge base's answers for receiving_money, mobile_top_up, bill_payment and
 * sending_money (session 26) are the features' how-tos, so every example they quote must be read
 * by the feature it shows, in each of the five languages (a customer copies them).
 */
class FeatureAnswersUnitTests {

    private static final Pattern QUOTED = Pattern.compile("[“«]([^”»]+)[”»]");
    private static final List<BillerRegistry.ForeignBiller> BILLERS =
            BillerRegistry.shipped().all();
    private static final CommandParser PARSER = new CommandParser();

    static List<String> examples(String language, String intent) throws IOException {
        try (InputStream in = FeatureAnswersUnitTests.class.getResourceAsStream(
                "/assistant/answers/" + language + "/" + intent + ".md")) {
            Matcher m = QUOTED.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }
    }

    static boolean parsedAs(String text, Set<Intent> intents) {
        return intents.contains(PARSER.parse(text, Optional.empty(), Context.of(Network.TELEGRAM, null))
                .intent());
    }

    void everyExampleIsRead(String language, String intent, int atLeast, Predicate<String> read) throws IOException {
        List<String> examples = examples(language, intent);
        assertThat(examples).as(language + "/" + intent).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(examples).as(language + "/" + intent).allMatch(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void theTopUpAnswersExampleIsATopUp(String language) throws IOException {
        everyExampleIsRead(
                language, "mobile_top_up", 1, t -> TopUpDialogue.read(t).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void theBillAnswersExamplesPayOrSaveABill(String language) throws IOException {
        everyExampleIsRead(
                language,
                "bill_payment",
                2,
                t -> BillDialogue.read(t).isPresent()
                        || AccountBillDialogue.read(t, BILLERS).isPresent()
                        || SavedBillDialogue.read(t).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void theReceivingMoneyAnswersExamplesAskShowRequestsOrTheAccountNumber(String language) throws IOException {
        everyExampleIsRead(
                language,
                "receiving_money",
                3,
                t -> parsedAs(t, Set.of(Intent.REQUEST, Intent.REQUESTS, Intent.ACCOUNT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void theSendingMoneyAnswersExamplesPayOrShowTheLimits(String language) throws IOException {
        everyExampleIsRead(language, "sending_money", 2, t -> parsedAs(t, Set.of(Intent.PAY, Intent.LIMITS)));
        assertThat(examples(language, "sending_money"))
                .as("the payment, with its payee and amount")
                .anyMatch(t -> {
                    ParsedCommand pay = PARSER.parse(t, Optional.empty(), Context.of(Network.TELEGRAM, null));
                    return pay.intent() == Intent.PAY
                            && pay.amount().isPresent()
                            && !pay.payees().isEmpty();
                });
    }
}
