package org.socialbank.payments.requests;

import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.Customers;

/**
 * The people of the requests tests: customers with a $tag, a phone and a EUR wallet funded from a test
 * equity account, opened through the directory's and the ledger's own use cases; and phone
 * numbers that are nobody's, for the pay-link path.
 */
final class RequestMembers {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Directory directory;
    private final Ledger ledger;
    private final Customers customers;

    RequestMembers(Directory directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
        this.customers = new Customers(directory, ledger);
    }

    /** A customer, their $tag (what requests use to reach them), their phone and their wallet. */
    record Member(CustomerId id, String tag, String phone, AccountId wallet) {

        String alias() {
            return "{\"type\":\"tag\",\"value\":\"" + tag + "\"}";
        }
    }

    Member open(String displayName, long eurMinor) {
        String tag = "rq" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        Customers.Customer customer = customers
                .named(displayName)
                .tag(tag)
                .phone(phone("+3376"))
                .wallet(EUR.code(), eurMinor)
                .create();
        return new Member(customer.id(), tag, customer.phone(), customer.wallet());
    }

    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }

    /** A French mobile number nobody here has, as an alias JSON (customers' numbers start +3376, these +3375). */
    static String stranger() {
        return "{\"type\":\"phone\",\"value\":\"" + phone("+3375") + "\"}";
    }

    /** A random French mobile number; the step-up sends its code there. */
    private static String phone(String prefix) {
        return prefix + String.format("%07d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000L));
    }

    static String ask(UUID id, CustomerId requester, String fromJson, long amountMinor, String note) {
        return ask(id, requester, fromJson, Long.toString(amountMinor), "EUR", note);
    }

    /** A request body with the amount and the currency as written, also ones the API must refuse. */
    static String ask(UUID id, CustomerId requester, String fromJson, String amount, String currency, String note) {
        return """
                {"id": "%s", "requesterCustomerId": "%s", "from": %s, "amountMinor": %s, "currency": "%s",%s
                 "channel": "api"}""".formatted(
                id, requester, fromJson, amount, currency, note == null ? "" : " \"note\": \"%s\",".formatted(note));
    }

    static String payer(String member, CustomerId id) {
        return "{\"" + member + "\":\"" + id + "\"}";
    }
}
