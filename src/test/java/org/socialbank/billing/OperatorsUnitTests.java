package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator of a number from libphonenumber's carrier data, the customer's override, and denominations (issue 15). */
class OperatorsUnitTests {

    private static final Operators OPERATORS = operators();

    private static Operators operators() {
        Map<String, OperatorSettings> all = new java.util.HashMap<>(OperatorSettings.defaults());
        all.put("airtel", new OperatorSettings("IN", "INR", List.of(1_000L, 5_000L, 10_000L), List.of("Airtel")));
        return new Operators(all);
    }

    @ParameterizedTest
    @CsvSource({
        "+989351234567, IRR, 50000, irancell",
        "09121234567, IRR, 50000, mci",
        "۰۹۲۱-۱۲۳-۴۵۶۷, IRR, 50000, rightel",
        "+98 990 123 4567, IRR, 50000, mci",
        "13800138000, CNY, 5000, china_mobile",
        "+8613012345678, CNY, 5000, china_unicom",
        "+8613312345678, CNY, 5000, china_telecom",
        "9876543210, INR, 10000, airtel"
    })
    void findsTheOperatorFromTheCarrierData(String phone, String currency, long amount, String operator) {
        Operators.Choice choice = OPERATORS.resolve(phone, amount, currency, Optional.empty());
        assertThat(choice).isInstanceOf(Operators.Resolved.class);
        assertThat(((Operators.Resolved) choice).operator()).isEqualTo(operator);
    }

    @Test
    void theCustomersOverrideWinsForAPortedNumber() {
        Operators.Choice choice = OPERATORS.resolve("+989351234567", 50_000, "IRR", Optional.of("MCI"));
        assertThat(((Operators.Resolved) choice).operator()).isEqualTo("mci");
        assertThat(((Operators.Resolved) choice).phoneE164()).isEqualTo("+989351234567");
    }

    @Test
    void anOverrideOfAnotherCountryOrUnknownIsAnUnknownOperator() {
        assertThat(OPERATORS.resolve("+989351234567", 50_000, "IRR", Optional.of("china_mobile")))
                .isEqualTo(new Operators.Refusal(Operators.UNKNOWN_OPERATOR, List.of()));
        assertThat(OPERATORS.resolve("+989351234567", 50_000, "IRR", Optional.of("vodafone")))
                .isEqualTo(new Operators.Refusal(Operators.UNKNOWN_OPERATOR, List.of()));
        // a Russian mobile number: no operator of Russia is configured here
        assertThat(OPERATORS.resolve("+79121234567", 30_000, "RUB", Optional.empty()))
                .isEqualTo(new Operators.Refusal(Operators.UNKNOWN_OPERATOR, List.of()));
    }

    @Test
    void anAmountNotSoldOffersTheNearestOnes() {
        assertThat(OPERATORS.resolve("+989351234567", 60_000, "IRR", Optional.empty()))
                .isEqualTo(new Operators.Refusal(Operators.AMOUNT_NOT_OFFERED, List.of(20_000L, 50_000L, 100_000L)));
        assertThat(OPERATORS.resolve("13800138000", 4_500, "CNY", Optional.empty()))
                .isEqualTo(new Operators.Refusal(Operators.AMOUNT_NOT_OFFERED, List.of(2_000L, 3_000L, 5_000L)));
    }

    @Test
    void bonusChargesAreSoldAtTheOperatorsOwnDenominations() {
        assertThat(OPERATORS.resolve("09351234567", 100_000, "IRR", Optional.empty(), TopUpKind.BONUS))
                .isInstanceOfSatisfying(
                        Operators.Resolved.class, r -> assertThat(r.operator()).isEqualTo("irancell"));
        assertThat(OPERATORS.resolve("09351234567", 500_000, "IRR", Optional.empty(), TopUpKind.BONUS))
                .as("Irancell's شگفت‌انگیز stops at 200,000 rial")
                .isEqualTo(new Operators.Refusal(Operators.AMOUNT_NOT_OFFERED, List.of(50_000L, 100_000L, 200_000L)));
        assertThat(OPERATORS.resolve("09121234567", 1_000_000, "IRR", Optional.empty(), TopUpKind.BONUS))
                .as("MCI's فوق‌العاده")
                .isInstanceOf(Operators.Resolved.class);
        assertThat(OPERATORS.resolve("13800138000", 5_000, "CNY", Optional.empty(), TopUpKind.BONUS))
                .isEqualTo(new Operators.Refusal(Operators.KIND_NOT_OFFERED, List.of()));
        assertThat(OPERATORS.resolve("09351234567", 10_000, "IRR", Optional.empty()))
                .as("a direct charge keeps its own denominations")
                .isInstanceOf(Operators.Resolved.class);
    }

    @Test
    void aNumberThatIsNoMobileIsRefused() {
        assertThat(OPERATORS
                        .resolve("+982112345678", 50_000, "IRR", Optional.empty())
                        .toString())
                .contains("invalid_phone");
        assertThat(OPERATORS.resolve("hello", 50_000, "IRR", Optional.empty()).toString())
                .contains("invalid_phone");
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "review 2026-12-07 billing follow-up: a voucher is refused for an operator whose gateway sells none")
    void aVoucherIsRefusedForAnOperatorWhoseGatewaySellsNone() {
        assertThat(OPERATORS.resolve("+8613800138000", 10_000, "CNY", Optional.empty(), TopUpKind.VOUCHER))
                .isEqualTo(new Operators.Refusal(Operators.KIND_NOT_OFFERED, List.of()));
        assertThat(OPERATORS.resolve("+8613800138000", 10_000, "CNY", Optional.empty(), TopUpKind.DIRECT))
                .isInstanceOf(Operators.Resolved.class);
        assertThat(OPERATORS.resolve("09351234567", 100_000, "IRR", Optional.empty(), TopUpKind.VOUCHER))
                .isInstanceOf(Operators.Resolved.class);
    }
}
