package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ConfirmView;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.StatusResult;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.MutableClock;

/** Borrowers with a funded wallet, applications submitted through the module's own use cases, and the clock. */
final class LoanFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final Applications applications;
    private final SignOnPage signatures;
    private final Confirmations confirmations;
    private final FakeSms sms;
    private final MutableClock clock;
    private final AccountId funding = new AccountId(UUID.randomUUID());

    LoanFixtures(
            Directory directory,
            Ledger ledger,
            Applications applications,
            SignOnPage signatures,
            Confirmations confirmations,
            FakeSms sms,
            MutableClock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.applications = applications;
        this.signatures = signatures;
        this.confirmations = confirmations;
        this.sms = sms;
        this.clock = clock;
        ledger.open(new NewAccount(funding, EUR, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
    }

    record Borrower(CustomerId id, String phone, AccountId wallet) {}

    /** A customer (phone in +33 673 ...) with {@code balanceMinor} EUR in a primary wallet. */
    Borrower borrower(String name, Language language, long balanceMinor) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String phone = "+33673"
                + String.format(
                        "%06d",
                        (Math.abs(UUID.randomUUID().hashCode()) % 900 + 100) * 1_000
                                + NUMBERS.incrementAndGet() % 1_000);
        assertThat(directory.register(new NewCustomer(
                        id,
                        name,
                        language,
                        KycLevel.FULL,
                        null,
                        null,
                        List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                id.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (balanceMinor > 0) {
            move(funding, wallet, balanceMinor);
        }
        return new Borrower(id, phone, wallet);
    }

    /** She opens a new wallet in {@code currency}, her primary one of that currency from now on. */
    AccountId newPrimaryWallet(Borrower borrower, CurrencyCode currency) {
        AccountId wallet = new AccountId(UUID.randomUUID());
        assertThat(ledger.open(new NewAccount(
                        wallet,
                        currency,
                        borrower.id().ownerRef(),
                        AccountKind.CUSTOMER_WALLET,
                        Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS))))
                .isInstanceOf(OpenResult.Opened.class);
        assertThat(directory.holdAccount(borrower.id(), wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return wallet;
    }

    /** She opens a new wallet in euros, her primary one from now on. */
    AccountId newPrimaryWallet(Borrower borrower) {
        return newPrimaryWallet(borrower, EUR);
    }

    /**
     * The bank's own loan account of an application not submitted yet, opened as the payout opens it
     * (the payout finds it there and uses it), in {@code status}.
     */
    AccountId bankLoanAccount(ApplicationId application, Borrower borrower, AccountStatus target) {
        AccountId account = Loans.account(Loans.loanId(application));
        assertThat(ledger.open(new NewAccount(
                        account,
                        EUR,
                        borrower.id().ownerRef(),
                        AccountKind.LOAN,
                        Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS))))
                .isInstanceOf(OpenResult.Opened.class);
        status(account, target);
        return account;
    }

    /** Freezes, unfreezes or closes an account (the bank's or hers). */
    void status(AccountId account, AccountStatus target) {
        assertThat(ledger.changeStatus(account, target)).isInstanceOf(StatusResult.Changed.class);
    }

    /** A loan application started, its form filled in and signed with the SMS code, as the chat and the pages do it. */
    Application submitLoan(Borrower borrower, long amountMinor, int termMonths, long incomeMinor, String purpose) {
        return submitLoan(
                new ApplicationId(UUID.randomUUID()), borrower, amountMinor, termMonths, incomeMinor, purpose);
    }

    /** {@link #submitLoan(Borrower, long, int, long, String)} with the application's id chosen beforehand. */
    Application submitLoan(
            ApplicationId id, Borrower borrower, long amountMinor, int termMonths, long incomeMinor, String purpose) {
        return submit(
                id, borrower, Product.LOAN, new Applications.Answers(amountMinor, termMonths, incomeMinor, purpose));
    }

    /** A loan (1,200.00 over 6 months) applied for in {@code currency}, her new primary account's, and submitted. */
    Application submitLoanIn(CurrencyCode currency, Borrower borrower) {
        newPrimaryWallet(borrower, currency);
        Application submitted = submitLoan(borrower, 120_000, 6, 900_000, "un four");
        assertThat(submitted.currency()).isEqualTo(currency);
        return submitted;
    }

    /** Issues {@code other} the card id derived from application {@code id}: its own card is then refused. */
    static void takeCardOf(ApplicationId id, Borrower other, Cards cards) {
        CardId taken = new CardId(UUID.nameUUIDFromBytes(
                ("socialbank-applications:card:" + id.value()).getBytes(StandardCharsets.UTF_8)));
        assertThat(cards.issueCredit(taken, other.id(), EUR, 100_000, 10)).isInstanceOf(CardResult.Done.class);
    }

    /** A credit card application (its limit {@code limitMinor}) started, filled in and signed, with its id chosen. */
    Application submitCard(ApplicationId id, Borrower borrower, long limitMinor, long incomeMinor) {
        return submit(id, borrower, Product.CREDIT_CARD, new Applications.Answers(limitMinor, null, incomeMinor, null));
    }

    private Application submit(ApplicationId id, Borrower borrower, Product product, Applications.Answers answers) {
        Applications.Start start = applications.start(id, borrower.id(), product, "telegram");
        assertThat(start).isInstanceOf(Applications.Started.class);
        SignOnPage.Signing signing = signatures.start(lastSegment(((Applications.Started) start).url()), answers);
        assertThat(signing.url()).as("%s", signing.submission()).isNotNull();
        assertThat(applications.application(id).orElseThrow().status()).isEqualTo(ApplicationStatus.STARTED);
        assertThat(confirmations.confirm(lastSegment(signing.url()), sms.lastCode(borrower.phone())))
                .isInstanceOf(ConfirmView.Confirmed.class);
        return applications.application(id).orElseThrow();
    }

    /** Signs the form the page redirected to the step-up page with the code sent by SMS. */
    static FormClient.Page sign(FormClient browser, FormClient.Page signing, String code) {
        Matcher action = Pattern.compile("action=\"(/confirm/[^\"/]+)\"").matcher(signing.html());
        assertThat(action.find()).as(signing.html()).isTrue();
        return browser.post(action.group(1), "code", code);
    }

    private static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }

    void fund(Borrower borrower, long amountMinor) {
        move(funding, borrower.wallet(), amountMinor);
    }

    void fundAccount(AccountId account, long amountMinor) {
        move(funding, account, amountMinor);
    }

    /** Empties the wallet (the customer spent everything). */
    long drain(Borrower borrower) {
        long all = balance(borrower.wallet());
        move(borrower.wallet(), funding, all);
        return all;
    }

    /** Moves the clock to 08:00 UTC of {@code day} (never back). */
    void moveTo(LocalDate day) {
        Duration ahead = Duration.between(clock.instant(), day.atTime(8, 0).toInstant(ZoneOffset.UTC));
        assertThat(ahead.isNegative()).as("the clock only moves on").isFalse();
        clock.advance(ahead);
    }

    private void move(AccountId from, AccountId to, long amountMinor) {
        assertThat(ledger.transfer(
                        NewTransfer.posted(new TransferId(UUID.randomUUID()), from, to, amountMinor, EUR, "test")))
                .isInstanceOf(TransferResult.Posted.class);
    }
}
