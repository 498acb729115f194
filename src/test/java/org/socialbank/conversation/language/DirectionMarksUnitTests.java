package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.shared.Language;

/**
 * Issue 13 section 5: the bank reads what the customer sees. Right-to-left clients (and people
 * pasting numbers into Persian text) put invisible direction controls inside amounts, phones and
 * names; the parser reads the text as without them. The zero-width non-joiner belongs to Persian
 * words: it never cuts a word in two.
 */
class DirectionMarksUnitTests {

    private static final String LRM = "\u200E";
    private static final String RLM = "\u200F";
    private static final String ALM = "\u061C";
    private static final String LRE = "\u202A";
    private static final String RLE = "\u202B";
    private static final String PDF = "\u202C";
    private static final String LRO = "\u202D";
    private static final String RLO = "\u202E";
    private static final String LRI = "\u2066";
    private static final String RLI = "\u2067";
    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";
    private static final String ZWNJ = "\u200C";

    private final CommandParser parser = new CommandParser();

    private ParsedCommand parse(String text) {
        return parser.parse(text, Optional.empty(), Context.none());
    }

    @Test
    void readsAPersianAmountWithAMarkInsideItsNumberAsWithout() {
        ParsedCommand plain = parse("۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست");
        ParsedCommand marked = parse("۵" + LRM + "۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست");
        assertThat(plain.intent()).isEqualTo(Intent.PAY);
        assertThat(plain.amount()).contains(new BigDecimal("500000"));
        assertThat(marked).isEqualTo(plain);
    }

    @Test
    void readsAPhoneWrappedInAnIsolateAsWithout() {
        ParsedCommand plain = parse("۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست");
        ParsedCommand isolated = parse("۵۰ هزار تومان به " + LRI + "۰۹۱۲ ۳۴۵ ۶۷۸۹" + PDI + " بفرست");
        assertThat(isolated.payees()).extracting(Payee::value).containsExactly("+989123456789");
        assertThat(isolated).isEqualTo(plain);
        assertThat(parse("۵۰ هزار تومان به " + FSI + "+98 912 345 6789" + PDI + " بفرست"))
                .isEqualTo(plain);
        assertThat(parse("۵۰ هزار تومان به " + LRE + "۰۹۱۲۳۴۵۶۷۸۹" + PDF + " بفرست"))
                .isEqualTo(plain);
    }

    @Test
    void readsAnAmountWithAMarkAfterItsCurrencyAsWithout() {
        ParsedCommand plain = parse("۱۰۰ یورو به @bob بفرست");
        assertThat(plain.currency()).map(c -> c.code()).contains("EUR");
        assertThat(parse("۱۰۰ یورو" + RLM + " به @bob بفرست")).isEqualTo(plain);
        assertThat(parse("۱۰۰" + ALM + " یورو" + RLM + " به " + LRI + "@bob" + PDI + " بفرست"))
                .isEqualTo(plain);
        assertThat(parse("send " + LRM + "10" + RLM + "€" + LRM + " to @bob")).isEqualTo(parse("send 10€ to @bob"));
    }

    @ParameterizedTest
    @ValueSource(strings = {LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI})
    void everyDirectionControlIsInvisibleToTheParser(String control) {
        List<String> texts = List.of(
                "۵۰ هزار تومان به ۰۹۱۲۳۴۵۶۷۸۹ بفرست",
                "envoie 12,50 € à @alice",
                "pay @bob 1,234.56 USD",
                "给@wang转500元",
                "переведи 500 руб на +7 912 345-67-89",
                "send ۱۲ EUR to $camille");
        for (String text : texts) {
            assertThat(parse(sprinkle(text, control)))
                    .as("%s with U+%04X", text, (int) control.charAt(0))
                    .isEqualTo(parse(text));
        }
    }

    @Test
    void theNonJoinerNeverCutsAPersianWord() {
        assertThat(parse("تراکنش" + ZWNJ + "ها").intent()).isEqualTo(Intent.HISTORY);
        assertThat(parse("نزدیک" + ZWNJ + "ترین شعبه").intent()).isEqualTo(Intent.BRANCHES);
        assertThat(parse("مانده" + ZWNJ + "ی حساب").intent()).isEqualTo(Intent.BALANCE);
        ParsedCommand named = parser.parse(
                "به علی" + ZWNJ + "رضا ۵۰ هزار تومان بفرست",
                Optional.of(Language.FA),
                Context.none().withRecentPayees(List.of("علی" + ZWNJ + "رضا")));
        assertThat(named.intent()).isEqualTo(Intent.PAY);
        assertThat(named.payees()).containsExactly(Payee.name("علی" + ZWNJ + "رضا"));
        assertThat(parser.parse(
                                "به علی رضا ۵۰ هزار تومان بفرست",
                                Optional.of(Language.FA),
                                Context.none().withRecentPayees(List.of("علی" + ZWNJ + "رضا")))
                        .payees())
                .as("a space is not a non-joiner: two words are not the one name")
                .isEmpty();
    }

    /** The control between every two code points, and around the whole text. */
    private static String sprinkle(String text, String control) {
        StringBuilder out = new StringBuilder(control);
        text.codePoints().forEach(c -> out.appendCodePoint(c).append(control));
        return out.toString();
    }
}
