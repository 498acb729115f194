package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/**
 * Issue 18, the knowledge base: an answer for every intent in every language, shipped as markdown
 * that reads; the customer's data only in a variant named for it; malformed markdown refused with
 * a stable code.
 */
class KnowledgeBaseUnitTests {

    static final Map<String, KnowledgeBase.Answer> SHIPPED = KnowledgeBase.loadShipped();

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void everyIntentHasATitledAnswerInTheLanguage(String language) {
        Set<String> titles = new HashSet<>();
        for (String intent : KnowledgeBase.ANSWERED) {
            KnowledgeBase.Answer answer = SHIPPED.get(intent + "/" + language);
            assertThat(answer).as(intent).isNotNull();
            assertThat(answer.text()).as(intent).hasSizeGreaterThan(40).doesNotContain("{", "}", "#");
            assertThat(titles.add(answer.title()))
                    .as("a title names one intent: " + answer.title())
                    .isTrue();
            assertThat(answer.version()).isZero();
        }
        assertThat(KnowledgeBase.INTENTS).hasSize(31);
        assertThat(KnowledgeBase.ANSWERED)
                .hasSize(66) // sending_money since session 26
                .containsAll(KnowledgeBase.INTENTS)
                .containsAll(KnowledgeBase.BANKING77_OTHERS)
                .contains("receiving_money", "mobile_top_up", "bill_payment")
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void aFailedOrDeclinedTransferHasAVariantWithTheLatestPaymentThatPaidNobody(String language) {
        for (String intent : List.of("failed_transfer", "declined_transfer")) {
            KnowledgeBase.Answer answer = SHIPPED.get(intent + "/" + language);
            assertThat(answer.variants()).as(intent).containsOnlyKeys("last_payment_refused");
            assertThat(answer.shown(Map.of())).isEqualTo(answer.text());
            assertThat(answer.shown(Map.of("last_payment_refused", "€20.00 to Bob B. on 5 Dec 2026. Why.")))
                    .as(intent)
                    .contains("€20.00 to Bob B. on 5 Dec 2026. Why.")
                    .doesNotContain("{", "..", "。。");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "fa", "zh"})
    void cardArrivalHasAVariantWithTheCardsIssueDate(String language) {
        KnowledgeBase.Answer answer = SHIPPED.get("card_arrival/" + language);
        assertThat(answer.variants().keySet()).containsExactly("card_dispatched_on", "card_issued_on");
        assertThat(answer.shown(Map.of())).isEqualTo(answer.text());
        assertThat(answer.shown(Map.of("card_issued_on", "20 Nov 2026")))
                .contains("20 Nov 2026")
                .doesNotContain("{");
        assertThat(answer.shown(Map.of("card_issued_on", "20 Nov 2026", "card_dispatched_on", "24 Nov 2026")))
                .as("the day it was sent, when known, before the day it was issued")
                .contains("24 Nov 2026")
                .doesNotContain("20 Nov 2026")
                .doesNotContain("{");
        for (String intent : KnowledgeBase.ANSWERED) {
            if (!intent.equals("card_arrival")
                    && !intent.equals("failed_transfer")
                    && !intent.equals("declined_transfer")) {
                assertThat(SHIPPED.get(intent + "/" + language).variants())
                        .as(intent)
                        .isEmpty();
            }
        }
    }

    @Test
    void theIntentsAreTheThirtyMostFrequentOfBanking77AndALostCard() throws IOException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/assistant/banking77/train.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                counts.merge(lines[i].substring(lines[i].lastIndexOf(',') + 1).strip(), 1L, Long::sum);
            }
        }
        Set<String> top = new HashSet<>(counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(30)
                .map(Map.Entry::getKey)
                .toList());
        assertThat(new HashSet<>(KnowledgeBase.INTENTS))
                .containsAll(top)
                .contains("lost_or_stolen_card")
                .hasSize(31);
    }

    @Test
    void malformedMarkdownIsRefusedWithAStableCode() {
        assertThat(code("")).isEqualTo("blank_answer");
        assertThat(code("no title\n\ntext")).isEqualTo("missing_title");
        assertThat(code("# Title\n\n")).isEqualTo("blank_answer");
        assertThat(code("# Title\n\nYour IBAN is {iban}.")).isEqualTo("variable_outside_section");
        assertThat(code("# Title\n\nText.\n\n## With {iban}\n\nYour IBAN is {iban}."))
                .isEqualTo("unknown_variable");
        assertThat(code("# Title\n\n" + "x".repeat(KnowledgeBase.MARKDOWN_MAX))).isEqualTo("answer_too_long");
        assertThat(AnswerMarkdown.read("# Title\n\nText.\n\n## With card_issued_on\n\nOn {card_issued_on}."))
                .isEqualTo(
                        new AnswerMarkdown.Parsed("Title", "Text.", Map.of("card_issued_on", "On {card_issued_on}.")));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "review 2026-12-07 conversation follow-up: each variable only in its intents' answers, shipped ones included")
    void aVariableIsRefusedInAnotherIntentsAnswer() {
        String refused =
                "# Paying a bill\n\nHow to pay a bill.\n\n## With {last_payment_refused}\n\n{last_payment_refused}";
        assertThat(AnswerMarkdown.read(refused)).as("reads as markdown").isInstanceOf(AnswerMarkdown.Parsed.class);
        assertThat(AnswerMarkdown.read(refused, "bill_payment"))
                .isEqualTo(new AnswerMarkdown.Malformed("variable_not_for_intent"));
        assertThat(AnswerMarkdown.read(refused, "failed_transfer")).isInstanceOf(AnswerMarkdown.Parsed.class);
        String card = "# Card\n\nText.\n\n## With {card_issued_on}\n\nOn {card_issued_on}.";
        assertThat(AnswerMarkdown.read(card, "card_arrival")).isInstanceOf(AnswerMarkdown.Parsed.class);
        assertThat(AnswerMarkdown.read(card, "declined_transfer"))
                .isEqualTo(new AnswerMarkdown.Malformed("variable_not_for_intent"));
        assertThat(KnowledgeBase.mayName("card_arrival", "card_dispatched_on")).isTrue();
        assertThat(KnowledgeBase.mayName("card_delivery_estimate", "card_issued_on"))
                .as("it shows card_arrival's answer, whose intent is checked")
                .isFalse();
        assertThat(AnswerMarkdown.INTENTS_OF).containsOnlyKeys(AnswerMarkdown.VARIABLES);
        SHIPPED.values()
                .forEach(answer -> assertThat(AnswerMarkdown.read(answer.markdown(), answer.intent()))
                        .as(answer.language() + "/" + answer.intent())
                        .isInstanceOf(AnswerMarkdown.Parsed.class));
    }

    @Test
    void everyIntentIsUnderstoodInEveryOtherLanguage() throws IOException {
        for (String language : Language.tags()) {
            if (language.equals("en")) {
                continue;
            }
            Set<String> trained =
                    new HashSet<>(PhrasesUnitTests.phrases(language, "train").intents());
            assertThat(trained).as(language).containsAll(KnowledgeBase.INTENTS);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "an empty section or another variable in a section is refused; the dispatch day wins in any order (review 2026-12-07 assistant follow-up)")
    void sectionsAreCheckedAndTheDispatchDayIsPreferred() {
        assertThat(
                        code(
                                "# Card\n\nText.\n\n## With {card_dispatched_on}\n\n## With {card_issued_on}\n\nOn {card_issued_on}."))
                .isEqualTo("blank_section");
        assertThat(code("# Card\n\nText.\n\n## With {card_dispatched_on}\n\n  \n"))
                .isEqualTo("blank_section");
        assertThat(
                        code(
                                "# Card\n\nText.\n\n## With {card_issued_on}\n\nMade {card_issued_on}, sent {card_dispatched_on}."))
                .isEqualTo("foreign_variable");
        assertThat(AnswerMarkdown.read("# Card\n\nText.\n\n## With {card_dispatched_on}\n\n", "card_arrival"))
                .as("the console's preview and save read it so")
                .isEqualTo(new AnswerMarkdown.Malformed("blank_section"));
        AnswerMarkdown.Parsed issuedFirst = (AnswerMarkdown.Parsed) AnswerMarkdown.read("# Card\n\nText.\n\n"
                + "## With {card_issued_on}\n\nMade on {card_issued_on}.\n\n"
                + "## With {card_dispatched_on}\n\nSent on {card_dispatched_on}.");
        KnowledgeBase.Answer answer = new KnowledgeBase.Answer(
                "card_arrival", "en", issuedFirst.title(), issuedFirst.text(), issuedFirst.variants(), "", 1);
        assertThat(answer.shown(Map.of("card_issued_on", "1 May", "card_dispatched_on", "3 May")))
                .isEqualTo("Sent on 3 May.");
        assertThat(answer.shown(Map.of("card_issued_on", "1 May"))).isEqualTo("Made on 1 May.");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "an answer is measured as stored: CRLF as LF, its closing newline counted (review 2026-12-07 assistant follow-up)")
    void anAnswerIsMeasuredAsStored() {
        String full = "# Title\n\n" + "x".repeat(KnowledgeBase.MARKDOWN_MAX - 9);
        assertThat(full).hasSize(KnowledgeBase.MARKDOWN_MAX);
        assertThat(code(full)).as("4,001 characters once stored").isEqualTo("answer_too_long");
        String crlf = "# Title\r\n\r\n" + "x".repeat(KnowledgeBase.MARKDOWN_MAX - 11);
        assertThat(AnswerMarkdown.read(crlf)).isInstanceOf(AnswerMarkdown.Parsed.class);
        assertThat(AnswerMarkdown.normalized(crlf)).hasSize(KnowledgeBase.MARKDOWN_MAX - 1);
    }

    private static String code(String markdown) {
        return ((AnswerMarkdown.Malformed) AnswerMarkdown.read(markdown)).code();
    }
}
