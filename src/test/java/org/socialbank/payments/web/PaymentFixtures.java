package org.socialbank.payments.web;

import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Customers;

/** Customers with a funded EUR wallet, registered through the directory's and the ledger's own use cases. */
final class PaymentFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Directory directory;
    private final Ledger ledger;
    private final Customers customers;

    PaymentFixtures(Directory directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
        this.customers = new Customers(directory, ledger);
    }

    record Person(CustomerId id, String phone, String tag, AccountId wallet) {}

    /** A phone number nobody in this store has: +336 and eight digits. */
    static String freshPhone() {
        return Customers.freshPhone("+3361");
    }

    Person customer(String name, KycLevel kyc, long eurMinor) {
        return customer(name, kyc, eurMinor, true);
    }

    Person customer(String name, KycLevel kyc, long eurMinor, boolean withPhone) {
        String tag = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Customers.Customer customer = customers
                .named(name)
                .kyc(kyc)
                .tag(tag)
                .phone(withPhone ? freshPhone() : null)
                .wallet(EUR.code(), eurMinor)
                .create();
        return new Person(customer.id(), customer.phone(), customer.tag(), customer.wallet());
    }

    /** Another, empty account of the person's in the currency, not her primary one. */
    AccountId secondAccount(Person holder, String currency) {
        return customers.account(holder.id(), CurrencyCode.of(currency), false);
    }

    /** What the account's owner can spend now: money reserved by a pending transfer is not. */
    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().availableMinor();
    }

    static String pay(UUID id, CustomerId payer, String payeeJson, long amountMinor, String channel) {
        return pay(id, payer, payeeJson, Long.toString(amountMinor), "EUR", channel);
    }

    /** A payment body with the amount and the currency as written, also ones the API must refuse. */
    static String pay(UUID id, CustomerId payer, String payeeJson, String amount, String currency, String channel) {
        return """
                {"id": "%s", "payerCustomerId": "%s", "payee": %s, "amountMinor": %s, "currency": "%s",
                 "channel": "%s"}""".formatted(id, payer, payeeJson, amount, currency, channel);
    }

    static String phone(String number) {
        return alias("phone", number);
    }

    static String tag(String tag) {
        return alias("tag", tag);
    }

    static String email(String address) {
        return alias("email", address);
    }

    static String handle(String network, String handle) {
        return """
                {"type": "handle", "value": "%s", "network": "%s"}""".formatted(handle, network);
    }

    private static String alias(String type, String value) {
        return """
                {"type": "%s", "value": "%s"}""".formatted(type, value);
    }
}
