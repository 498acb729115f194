package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Customers;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;

/**
 * Customers with a funded rial wallet (the kit's {@link Customers}; given the cards module, a debit
 * card on it too: issue 15's card-to-card goes from an own card), and fresh valid bills.
 */
final class BillingFixtures {

    static final CurrencyCode IRR = CurrencyCode.of("IRR");
    /** Billing's phone range (docs/testing.md). */
    static final String PHONES = "+3361";

    /**
     * How long ago the chat tests' customers linked their chat: past the risk policy's new-chat
     * window (24h), so that with {@code new-channel-confirmations-min=0} a payment asked for in it
     * is not held for that alone. The hold itself: {@code NewChatBillingIntegrationTests}.
     */
    static final java.time.Duration LINKED_AGO = java.time.Duration.ofDays(2);

    private final Ledger ledger;
    private final SplittableRandom random;
    private final Customers customers;
    private final org.socialbank.cards.Cards cards;

    BillingFixtures(Directory directory, Ledger ledger, long seed) {
        this(directory, ledger, seed, null);
    }

    BillingFixtures(Directory directory, Ledger ledger, long seed, org.socialbank.cards.Cards cards) {
        this.cards = cards;
        this.ledger = ledger;
        this.random = new SplittableRandom(seed);
        this.customers = new Customers(directory, ledger);
    }

    record Person(CustomerId id, String phone, AccountId wallet) {}

    Person customer(String name, long rial) {
        return customer(name, Language.EN, rial);
    }

    /** A customer of the kit ({@link Customers}) with a phone in billing's range and a funded rial wallet. */
    Person customer(String name, Language language, long rial) {
        return customer(name, language, KycLevel.FULL, rial);
    }

    /** The same at a KYC level, whose limits the risk policy applies. */
    Person customer(String name, Language language, KycLevel kyc, long rial) {
        Customers.Customer customer = customers
                .named(name)
                .speaking(language)
                .kyc(kyc)
                .phoneIn(PHONES)
                .wallet(IRR.code(), rial)
                .create();
        if (cards != null) {
            assertThat(cards.issueDebit(
                            new org.socialbank.cards.CardId(UUID.randomUUID()), customer.id(), customer.wallet()))
                    .isInstanceOf(org.socialbank.cards.CardResult.Done.class);
        }
        return new Person(customer.id(), customer.phone(), customer.wallet());
    }

    /** What the customer can spend now: money reserved by a pending transfer is not. */
    long available(AccountId account) {
        return ledger.account(account).orElseThrow().availableMinor();
    }

    /** A valid bill nobody has paid: a random 13-digit water bill, the amount in thousands of rials. */
    IranianBill freshBill(long thousands) {
        String head = (1 + random.nextInt(9)) + String.format("%07d", random.nextInt(10_000_000)) + "046" + "1";
        String billId = head + IranianBill.checkDigit(head);
        String paymentHead = thousands + "5" + "03";
        String c1 = paymentHead + IranianBill.checkDigit(paymentHead);
        String paymentId = c1 + IranianBill.checkDigit(billId + c1);
        return new IranianBill(billId, paymentId);
    }

    /** The digits of a text written in Persian digits, as an Iranian customer types them. */
    static String persianDigits(String ascii) {
        StringBuilder persian = new StringBuilder(ascii.length());
        ascii.chars().forEach(c -> persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + c - '0') : (char) c));
        return persian.toString();
    }

    static String pay(UUID id, CustomerId customer, IranianBill bill) {
        return """
                {"id": "%s", "customerId": "%s", "billId": "%s", "paymentId": "%s"}
                """.formatted(id, customer, bill.billId(), bill.paymentId());
    }

    /**
     * Confirms a step-up on the bank's page as the customer does, with the code texted to her
     * {@code phone}; the page says it is confirmed.
     */
    static void confirmOnTheBanksPage(int port, FakeSms sms, String url, String phone) {
        String path = url.substring(url.indexOf("/", "http://".length()));
        FormClient browser = new FormClient(port);
        browser.get(path);
        assertThat(browser.post(path, "code", sms.lastCode(phone)).html()).contains("Confirmed");
    }
}
