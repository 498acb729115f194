package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.Language;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;

/**
 * Customers with a funded rial wallet (and, given the cards module, a debit card on it: issue 15's
 * card-to-card goes from an own card), and fresh valid bills, through the modules' own use cases.
 */
final class BillingFixtures {

    static final CurrencyCode IRR = CurrencyCode.of("IRR");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final SplittableRandom random;
    private final AccountId funding = new AccountId(UUID.randomUUID());
    private final org.socialbank.cards.Cards cards;

    BillingFixtures(Directory directory, Ledger ledger, long seed) {
        this(directory, ledger, seed, null);
    }

    BillingFixtures(Directory directory, Ledger ledger, long seed, org.socialbank.cards.Cards cards) {
        this.cards = cards;
        this.directory = directory;
        this.ledger = ledger;
        this.random = new SplittableRandom(seed);
        ledger.open(new NewAccount(funding, IRR, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
    }

    record Person(CustomerId id, String phone, AccountId wallet) {
    }

    Person customer(String name, long rial) {
        return customer(name, Language.EN, rial);
    }

    Person customer(String name, Language language, long rial) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        int n = NUMBERS.incrementAndGet();
        String phone = "+3361" + String.format("%07d", (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                + n % 1_000);
        List<CustomerView.AliasEntry> aliases = List.of(
                new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true));
        DirectoryResult registered = directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null,
                null, aliases));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(wallet, IRR, id.ownerRef(), AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (rial > 0) {
            TransferResult funded = ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), funding,
                    wallet, rial, IRR, "opening"));
            assertThat(funded).isInstanceOf(TransferResult.Posted.class);
        }
        if (cards != null) {
            assertThat(cards.issueDebit(new org.socialbank.cards.CardId(UUID.randomUUID()), id, wallet))
                    .isInstanceOf(org.socialbank.cards.CardResult.Done.class);
        }
        return new Person(id, phone, wallet);
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
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"billId\":\"" + bill.billId()
                + "\",\"paymentId\":\"" + bill.paymentId() + "\"}";
    }
}
