package org.socialbank.payments.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * The people of the requests tests: customers with a $tag, a phone and a EUR wallet funded from a test
 * equity account, opened through the directory's and the ledger's own use cases; and phone
 * numbers that are nobody's, for the pay-link path.
 */
final class RequestMembers {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Directory directory;
    private final Ledger ledger;
    private final AccountId equity = new AccountId(UUID.randomUUID());

    RequestMembers(Directory directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
        ledger.open(new NewAccount(equity, EUR, "test:requests-equity", AccountKind.BANK_EQUITY, Set.of()));
    }

    /** A customer, their $tag (what requests use to reach them), their phone and their wallet. */
    record Member(CustomerId id, String tag, String phone, AccountId wallet) {

        String alias() {
            return "{\"type\":\"tag\",\"value\":\"" + tag + "\"}";
        }
    }

    Member open(String displayName, long eurMinor) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String tag = "rq" + id.value().toString().replace("-", "").substring(0, 14);
        String phone = phone("+3376");
        DirectoryResult registered = directory.register(new NewCustomer(id, displayName, Language.EN, KycLevel.FULL,
                null, null, List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.TAG, null, tag, null), true),
                        new CustomerView.AliasEntry(Alias.phone(phone, null), true))));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(wallet, EUR, id.ownerRef(), AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (eurMinor > 0) {
            assertThat(ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), equity, wallet, eurMinor,
                    EUR, "opening"))).isInstanceOf(TransferResult.Posted.class);
        }
        return new Member(id, tag, phone, wallet);
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
        return "{\"id\":\"" + id + "\",\"requesterCustomerId\":\"" + requester + "\",\"from\":" + fromJson
                + ",\"amountMinor\":" + amountMinor + ",\"currency\":\"EUR\"" + (note == null ? "" : ",\"note\":\""
                + note + "\"") + ",\"channel\":\"api\"}";
    }

    static String payer(String member, CustomerId id) {
        return "{\"" + member + "\":\"" + id + "\"}";
    }
}
