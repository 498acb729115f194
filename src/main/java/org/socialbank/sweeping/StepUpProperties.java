package org.socialbank.sweeping;

import java.util.Map;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.CurrencyDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Above which amount a collection asked in chat is confirmed on the bank's step-up page
 * ({@code socialbank.sweeping.step-up.above-minor.<CUR>}), validated at start-up. A currency without
 * a threshold always needs the page. A configured currency overrides or adds to the shipped ones, which stay.
 */
@ConfigurationProperties("socialbank.sweeping.step-up")
public record StepUpProperties(Map<String, Long> aboveMinor) {

    /** 1,000.00 EUR, GBP; 10,000.00 CNY; 100,000.00 RUB, INR; 500,000,000 IRR. */
    static final Map<String, Long> DEFAULTS = Map.of(
            "EUR",
            100_000L,
            "GBP",
            100_000L,
            "CNY",
            1_000_000L,
            "RUB",
            10_000_000L,
            "INR",
            10_000_000L,
            "IRR",
            500_000_000L);

    public StepUpProperties {
        aboveMinor = CurrencyDefaults.merged(DEFAULTS, aboveMinor);
        for (Map.Entry<String, Long> e : aboveMinor.entrySet()) {
            if (CurrencyCode.find(e.getKey()).filter(CurrencyCode::money).isEmpty()
                    || e.getValue() == null
                    || e.getValue() < 0) {
                throw new IllegalArgumentException("socialbank.sweeping.step-up.above-minor." + e.getKey()
                        + " must be a money currency and not negative");
            }
        }
    }

    /** Whether pulling up to {@code amountMinor} needs the page. */
    boolean needsPage(long amountMinor, CurrencyCode currency) {
        Long above = aboveMinor.get(currency.code());
        return above == null || amountMinor > above;
    }
}
