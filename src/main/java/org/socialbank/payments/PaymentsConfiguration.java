package org.socialbank.payments;

import org.socialbank.payments.risk.PaymentPolicy;
import org.socialbank.payments.risk.RiskProperties;
import org.socialbank.shared.CurrencyCode;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentsProperties.class, RiskProperties.class})
class PaymentsConfiguration {

    @Bean
    PaymentPolicy paymentPolicy(RiskProperties risk, PaymentsProperties properties) {
        return new PaymentPolicy(risk, properties.zone());
    }

    /** The bank's escrow and settlement accounts of the configured currencies exist before the first payment. */
    @Bean
    ApplicationRunner openBankAccounts(BankAccounts bank, PaymentsProperties properties) {
        return args -> properties.currencies().forEach(c -> bank.open(CurrencyCode.of(c)));
    }
}
