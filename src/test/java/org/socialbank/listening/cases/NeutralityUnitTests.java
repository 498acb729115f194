package org.socialbank.listening.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.support.Seeds;

/**
 * Public replies carry no personal or account data (issue 20 s3), and no number or money at all
 * (review of the public group replies, which let "500,000 rials" and "your 4500 refund" through).
 */
class NeutralityUnitTests {

    static final List<String> NEUTRAL = List.of(
            "Sorry to hear that. We are looking into it; please write to us in a private message.",
            "Thank you for your patience, the app works again since this morning.",
            "Désolés pour la gêne, écrivez-nous en message privé s'il vous plaît.",
            "Приносим извинения, напишите нам в личные сообщения.",
            "از صبوری شما سپاسگزاریم؛ لطفاً در پیام خصوصی با ما در تماس باشید.",
            "非常抱歉，请私信我们，我们会尽快处理。",
            "We are open day and night in the app, see you there!",
            "We have sent you a private message");

    static final List<Function<RandomGenerator, String>> PERSONAL = List.of(
            r -> "write to " + word(r) + "." + word(r) + "@example.org",
            r -> "your card " + card(r) + " is blocked",
            r -> "call us on +33 6 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2),
            r -> "we refunded " + r.nextInt(10, 999) + " EUR",
            r -> "we refunded €" + r.nextInt(10, 999),
            r -> "your balance is fine",
            r -> "votre solde est positif",
            r -> "FR76 3000 6000 01" + digits(r, 2) + " 2345 6789 0" + digits(r, 2),
            r -> "ваш остаток в порядке",
            r -> "موجودی شما کافی است",
            r -> "您的余额正常",
            r -> "account " + digits(r, 11),
            r -> "we sent " + r.nextInt(10, 99) + ".50 back",
            r -> "شماره کارت " + persian(digits(r, 16)),
            r -> "we refunded " + r.nextInt(1, 999) + "," + digits(r, 3) + " rials to you",
            r -> "Rs " + r.nextInt(1, 9) + "," + digits(r, 3) + " was returned",
            r -> "your " + r.nextInt(1, 9999) + " refund",
            r -> persian(digits(r, r.nextInt(1, 5))) + " تومان",
            r -> "退款" + r.nextInt(1, 9999) + "元",
            r -> r.nextInt(1, 999) + " " + digits(r, 3) + " €");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void neutralRepliesPass(int i) {
        assertThat(Neutrality.check(NEUTRAL.get(i))).isInstanceOf(Neutrality.Neutral.class);
    }

    @ParameterizedTest
    @CsvSource({
        "'', EMPTY",
        "'   ', EMPTY",
        "a@b.co please, EMAIL",
        "4970 1012 3456 7890, CARD_NUMBER",
        "'call 06 12 34 56 78', PHONE_NUMBER",
        "'50 €', AMOUNT",
        "'solde', BALANCE",
        "'DE89370400440532013000', ACCOUNT_NUMBER",
        "'۱۲۰۰۰۰ تومان', AMOUNT",
        "'一百元 退给您了 1', AMOUNT",
        "'已退还您两千块', AMOUNT",
        // review of the public group replies: grouped amounts, short numbers, currency words, every script
        "'We refunded 500,000 rials to you', AMOUNT",
        "'Rs 2,000 was returned', AMOUNT",
        "'۵۰۰٬۰۰۰ ریال', AMOUNT",
        "'退款500元', AMOUNT",
        "'1 000 €', AMOUNT",
        "'We refunded five hundred rials', AMOUNT",
        "'your 4500 refund', NUMBER",
        "'since ۹:۳۰', NUMBER",
        "'open 24/7', NUMBER",
        "'Happy new year 2027', NUMBER",
        "'请稍等十五分钟', NUMBER"
    })
    void personalDataIsRefusedWithItsReason(String text, Neutrality.Reason reason) {
        assertThat(Neutrality.check(text)).isEqualTo(new Neutrality.NotNeutral(reason));
    }

    /** Neutral sentences with personal data put in at a random place are refused; without it they pass. */
    @RepeatedTest(50)
    void seededTextsWithPersonalDataAreRefused() {
        long seed = Seeds.seed("NeutralityUnitTests");
        RandomGenerator random = Seeds.random(seed);
        String base = NEUTRAL.get(random.nextInt(NEUTRAL.size()));
        String personal = PERSONAL.get(random.nextInt(PERSONAL.size())).apply(random);
        String[] words = base.split(" ");
        int at = random.nextInt(words.length + 1);
        String mixed = String.join(" ", List.of(words).subList(0, at)) + " " + personal + " "
                + String.join(" ", List.of(words).subList(at, words.length));
        assertThat(Neutrality.check(base)).as(Seeds.replay(seed) + ": %s", base).isInstanceOf(Neutrality.Neutral.class);
        assertThat(Neutrality.check(mixed))
                .as(Seeds.replay(seed) + ": %s", mixed)
                .isInstanceOf(Neutrality.NotNeutral.class);
    }

    @RepeatedTest(5)
    void tooLongIsRefused() {
        assertThat(Neutrality.check("a".repeat(Neutrality.LENGTH_MAX + 1)))
                .isEqualTo(new Neutrality.NotNeutral(Neutrality.Reason.TOO_LONG));
    }

    private static String word(RandomGenerator r) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < r.nextInt(3, 9); i++) {
            w.append((char) ('a' + r.nextInt(26)));
        }
        return w.toString();
    }

    private static String digits(RandomGenerator r, int n) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < n; i++) {
            d.append(r.nextInt(10));
        }
        return d.toString();
    }

    private static String card(RandomGenerator r) {
        return digits(r, 4) + " " + digits(r, 4) + " " + digits(r, 4) + " " + digits(r, 4);
    }

    private static String persian(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) ('۰' + (c - '0'))));
        return out.toString();
    }
}
