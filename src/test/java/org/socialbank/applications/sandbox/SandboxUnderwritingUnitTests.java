package org.socialbank.applications.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.applications.Product;
import org.socialbank.applications.Underwriting.Applicant;
import org.socialbank.applications.Underwriting.Decision;
import org.socialbank.applications.Underwriting.Verdict;
import org.socialbank.shared.CurrencyCode;

/** Issue 16 s4: the sandbox rule set's decisions and reasons, at and around each threshold. */
class SandboxUnderwritingUnitTests {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private final SandboxUnderwriting rules = new SandboxUnderwriting();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // instalment | income | decision | reason
                "30000|100000|APPROVE|",
                "30001|100000|REFER|instalment_over_30_percent_of_income",
                "40000|100000|REFER|instalment_over_30_percent_of_income",
                "40001|100000|DECLINE|instalment_over_40_percent_of_income",
                "1|0|DECLINE|no_income"
            })
    void aLoanIsJudgedByItsInstalmentAgainstTheIncome(long instalment, long income, Decision decision, String reason) {
        Verdict verdict = rules.assess(new Applicant(Product.LOAN, EUR, 500_000, 24, income, "a car", instalment));
        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reasons())
                .containsExactlyElementsOf(reason == null ? java.util.List.of() : java.util.List.of(reason));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "100000|100000|APPROVE|", "100001|100000|REFER|limit_over_1_month_income",
                "300000|100000|REFER|limit_over_1_month_income", "300001|100000|DECLINE|limit_over_3_months_income"
            })
    void aCardIsJudgedByItsLimitAgainstTheIncome(long limit, long income, Decision decision, String reason) {
        Verdict verdict = rules.assess(new Applicant(Product.CREDIT_CARD, EUR, limit, null, income, null, 0));
        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.reasons())
                .containsExactlyElementsOf(reason == null ? java.util.List.of() : java.util.List.of(reason));
    }

    @ParameterizedTest
    @CsvSource({
        "messages.properties",
        "messages_fr.properties",
        "messages_ru.properties",
        "messages_fa.properties",
        "messages_zh.properties"
    })
    void everyReasonIsSaidInEveryLanguage(String bundle) throws java.io.IOException {
        java.util.Properties messages = new java.util.Properties();
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src", "main", "resources", bundle), java.nio.charset.StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        assertThat(SandboxUnderwriting.REASONS)
                .allSatisfy(code -> assertThat(messages.getProperty("applications.reason." + code))
                        .as(code)
                        .isNotBlank());
    }

    @Test
    void aLargeLoanWithoutAPurposeIsReferredAndADeclineWinsOverAReferral() {
        assertThat(rules.assess(new Applicant(Product.LOAN, EUR, 1_200_001, 120, 100_000, " ", 10_000)))
                .isEqualTo(new Verdict(Decision.REFER, java.util.List.of("purpose_needed")));
        assertThat(rules.assess(new Applicant(Product.LOAN, EUR, 1_200_000, 120, 100_000, null, 10_000))
                        .decision())
                .isEqualTo(Decision.APPROVE);
        assertThat(rules.assess(new Applicant(Product.LOAN, EUR, 5_000_000, 12, 100_000, null, 450_000)))
                .isEqualTo(new Verdict(Decision.DECLINE, java.util.List.of("instalment_over_40_percent_of_income")));
    }
}
