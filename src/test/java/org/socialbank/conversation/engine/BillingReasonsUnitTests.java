package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialbank.conversation.engine.BillingReasons.Provider;
import org.socialbank.support.Seeds;

/**
 * Review 2026-12-07 billing follow-up: why a bill, a top-up or a card-to-card did not complete is
 * said in the customer's words: each code the bank knows has its reason, in the five languages;
 * anything else (a provider's own code or free text) is said as the provider's refusal.
 */
class BillingReasonsUnitTests {

    @ParameterizedTest(name = "{0}")
    @DisplayName("review 2026-12-07 billing follow-up: each code the bank knows is said by its own reason")
    @CsvSource({
        "insufficient_funds, billing.reason.funds",
        "exceeds_credits, billing.reason.funds",
        "account_frozen, billing.reason.account",
        "account_closed, billing.reason.account",
        "no_account_in_currency, billing.reason.currency",
        "confirmation_unavailable, billing.reason.no_phone",
        "expired, billing.reason.expired",
        "cancelled, billing.reason.cancelled",
        "too_many_attempts, billing.reason.too_many_attempts",
        "confirmation_mismatch, billing.reason.confirmation_mismatch",
        "card_not_active, billing.reason.card_not_active",
        "biller_refused, billing.reason.biller_refused",
        "biller_timeout, billing.reason.biller_timeout",
        "operator_refused, billing.reason.operator_refused",
        "operator_timeout, billing.reason.operator_timeout",
        "switch_refused, billing.reason.switch_refused",
        "switch_timeout, billing.reason.switch_timeout",
        // review 2026-12-07 words follow-up: the one mapper the dialogue uses too
        "unknown_operator, conversation.reason.unknown_operator",
        "exceeds_daily_limit, conversation.reason.over_limit",
        "bill_already_paid, conversation.reason.bill_already_paid",
        // a ledger code without a reason of its own is the bank's refusal, never the provider's
        "account_not_found, conversation.reason.bank",
        "exceeds_debits, conversation.reason.bank",
        "currency_mismatch, conversation.reason.bank",
        "overflows_credits, conversation.reason.bank"
    })
    void aKnownCodeIsSaidByItsReason(String code, String key) {
        for (Provider provider : Provider.values()) {
            assertThat(BillingReasons.key(code, provider))
                    .as("%s asked of %s", code, provider)
                    .isEqualTo(key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    @DisplayName("review 2026-12-07 billing follow-up: an unknown code, none, or a provider's words is its refusal")
    void anythingElseIsSaidAsTheProvidersRefusal(Provider provider) {
        String refused = switch (provider) {
            case BILLER -> "billing.reason.biller_refused";
            case OPERATOR -> "billing.reason.operator_refused";
            case SWITCH -> "billing.reason.switch_refused";
        };
        for (String code : new String[] {null, "", " ", "failed", "http_409", "Account 4992 is closed; call us", "x"}) {
            assertThat(BillingReasons.key(code, provider)).as("%s", code).isEqualTo(refused);
        }
    }

    static LongStream seeds() {
        return Seeds.consecutive("BillingReasonsUnitTests", 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("review 2026-12-07 billing follow-up: whatever the code, a reason's key is one the bundles hold")
    void whateverTheCodeTheKeyIsAReason(long seed) {
        RandomGenerator random = Seeds.random(seed);
        for (int i = 0; i < 200; i++) {
            StringBuilder code = new StringBuilder();
            for (int n = random.nextInt(0, 65); n > 0; n--) {
                code.append((char) random.nextInt(0x20, 0x7f));
            }
            Provider provider = Provider.values()[random.nextInt(Provider.values().length)];
            assertThat(BillingReasons.messageKeys())
                    .as("seed %d, code %s", seed, code)
                    .contains(BillingReasons.key(code.toString(), provider));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "_fr", "_ru", "_fa", "_zh"})
    @DisplayName("review 2026-12-07 billing follow-up: every reason is written in each language, none as a code")
    void everyReasonIsWrittenInEachLanguage(String suffix) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("src", "main", "resources", "messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        for (String key : BillingReasons.messageKeys()) {
            assertThat(bundle.getProperty(key))
                    .as("%s in messages%s", key, suffix)
                    .isNotBlank()
                    .doesNotContain("_");
        }
    }
}
