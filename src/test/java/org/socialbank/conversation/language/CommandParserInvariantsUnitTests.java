package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * Invariants over random texts glued from the pieces customers type, in every language and
 * script. Seeded: a failure names its seed and text, and the same seed replays it.
 */
class CommandParserInvariantsUnitTests {

    static final int TEXTS_PER_SEED = 400;
    static final String[] PIECES = {
        "send",
        "pay",
        "split",
        "request",
        "balance",
        "cancel",
        "envoie",
        "à",
        "solde",
        "переведи",
        "на",
        "баланс",
        "бaланс",
        "بفرست",
        "به",
        "موجودی",
        "转",
        "给",
        "余额",
        "AA",
        "@bob",
        "x:@bob",
        "@SMoneyfr",
        "$carol",
        "bob@example.com",
        "+7 912 345-67-89",
        "0912 345 6789",
        "13800138000",
        "10",
        "10.50",
        "1,234",
        "1 234,56",
        "1\u202f234",
        "۵۰",
        "١٢٫٥",
        "هزار",
        "تومان",
        "ریال",
        "五百",
        "两千五",
        "一百二十",
        "元",
        "块",
        "五",
        "毛",
        "€",
        "$",
        "₽",
        "¥",
        "EUR",
        "eur",
        "руб.",
        "k",
        "тыс.",
        "-",
        ",",
        ".",
        ":",
        "?",
        "#pay",
        "/balance",
        "one",
        "deux",
        "сто",
        "پنجاه",
        "cents",
        "коп",
        "1.500",
        "亿",
        "零",
        "点",
        "٫",
        "٬",
        "\u200c",
        "\u200f",
        "😀",
        "Bob",
        "Иван",
        "Ивану",
        "علی",
        "王伟",
        "english",
        "中文",
        "how",
        "0",
        "99999999999999999999"
    };
    static final Context CONTEXT =
            new Context(Network.TELEGRAM, null, List.of("Bob", "Иван", "علی", "王伟"), Set.of("smoneyfr"));

    private final CommandParser parser = new CommandParser();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20260101, 7_777_777})
    void holdsOnRandomTexts(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        for (int i = 0; i < TEXTS_PER_SEED; i++) {
            String text = text(random);
            Optional<Language> hint = random.nextBoolean()
                    ? Optional.empty()
                    : Optional.of(Language.values()[random.nextInt(Language.values().length)]);
            ParsedCommand command = parser.parse(text, hint, CONTEXT);
            String where = "seed " + seed + ", text [" + text + "], hint " + hint;
            assertThat(parser.parse(text, hint, CONTEXT))
                    .as("deterministic: " + where)
                    .isEqualTo(command);
            holds(command, where);
        }
    }

    private static void holds(ParsedCommand command, String where) {
        command.amount().ifPresent(amount -> {
            assertThat(amount).as(where).isGreaterThan(BigDecimal.ZERO);
            assertThat(command.amountMinor()).as("fits its currency: " + where).isPresent();
        });
        if (!command.intent().takesAmount()) {
            assertThat(command.amount()).as(where).isEmpty();
            assertThat(command.amountProblem()).as(where).isEmpty();
        }
        assertThat(new HashSet<>(command.payees())).as("no repeats: " + where).hasSameSizeAs(command.payees());
        for (Payee payee : command.payees()) {
            assertThat(payee.value()).as(where).isNotBlank();
            if (payee.type() == PayeeType.PHONE) {
                assertThat(payee.value()).as(where).matches("\\+[0-9]{7,15}");
            }
            if (payee.type() == PayeeType.HANDLE) {
                assertThat(payee.value()).as(where).matches("[a-z0-9_.]+").isNotEqualTo("smoneyfr");
            }
        }
        if (!command.shares().isEmpty()) {
            assertThat(command.intent()).as(where).isEqualTo(Intent.SPLIT);
            assertThat(command.payees())
                    .as(where)
                    .containsAll(
                            command.shares().stream().map(ParsedShare::payee).toList());
        }
        command.targetLanguage()
                .ifPresent(t -> assertThat(command.intent()).as(where).isEqualTo(Intent.LANGUAGE));
    }

    private static String text(RandomGenerator random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int k = 0; k < pieces; k++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            text.append(random.nextInt(4) == 0 ? "" : " ");
        }
        return text.toString();
    }
}
