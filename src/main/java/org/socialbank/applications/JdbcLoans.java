package org.socialbank.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loans and their instalments. */
@Repository
class JdbcLoans {

    private static final String COLUMNS = "id, application_id, customer_id, account_id, payout_account_id, currency, "
            + "principal_minor, annual_rate_basis_points, term_months, instalment_minor, disbursed_on, created_at";
    private static final String INSTALMENT_COLUMNS =
            "loan_id, instalment_no, due_on, principal_minor, interest_minor, status, missed_reason";

    private final JdbcClient jdbc;

    JdbcLoans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One instalment and where it stands: {@code due}, {@code late}, {@code held} (her account or
     * one of the bank's is closed: no longer tried, staff take it up) or {@code paid}; {@code missedReason} is the
     * ledger's code when it could not be collected (null before).
     */
    record InstalmentRow(LoanId loanId, Annuity.Instalment instalment, String status, String missedReason) {

        boolean paid() {
            return "paid".equals(status);
        }
    }

    private static Loan loan(ResultSet rs, int n) throws SQLException {
        return new Loan(
                new LoanId(rs.getObject("id", UUID.class)),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                new AccountId(rs.getObject("payout_account_id", UUID.class)),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getLong("principal_minor"),
                rs.getInt("annual_rate_basis_points"),
                rs.getInt("term_months"),
                rs.getLong("instalment_minor"),
                rs.getObject("disbursed_on", LocalDate.class),
                Timestamps.instant(rs, "created_at"));
    }

    private static InstalmentRow instalment(ResultSet rs, int n) throws SQLException {
        return new InstalmentRow(
                new LoanId(rs.getObject("loan_id", UUID.class)),
                new Annuity.Instalment(
                        rs.getInt("instalment_no"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getLong("principal_minor"),
                        rs.getLong("interest_minor")),
                rs.getString("status"),
                rs.getString("missed_reason"));
    }

    Optional<Loan> find(LoanId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loans WHERE id = ?")
                .param(id.value())
                .query(JdbcLoans::loan)
                .optional();
    }

    Optional<Loan> ofApplication(ApplicationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loans WHERE application_id = ?")
                .param(id.value())
                .query(JdbcLoans::loan)
                .optional();
    }

    List<Loan> ofCustomer(CustomerId customer, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loans WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(customer.value(), limit)
                .query(JdbcLoans::loan)
                .list();
    }

    void insert(Loan loan, UUID payoutTransferId, List<Annuity.Instalment> schedule) {
        jdbc.sql("INSERT INTO loans (" + COLUMNS
                        + ", payout_transfer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        loan.id().value(),
                        loan.applicationId().value(),
                        loan.customerId().value(),
                        loan.accountId().value(),
                        loan.payoutAccountId().value(),
                        loan.currency().code(),
                        loan.principalMinor(),
                        loan.annualRateBasisPoints(),
                        loan.termMonths(),
                        loan.instalmentMinor(),
                        loan.disbursedOn(),
                        Timestamps.utc(loan.createdAt()),
                        payoutTransferId)
                .update();
        for (Annuity.Instalment i : schedule) {
            jdbc.sql("INSERT INTO loan_instalments (" + INSTALMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, 'due', NULL)")
                    .params(loan.id().value(), i.number(), i.dueOn(), i.principalMinor(), i.interestMinor())
                    .update();
        }
    }

    List<InstalmentRow> schedule(LoanId loan) {
        return jdbc.sql("SELECT " + INSTALMENT_COLUMNS
                        + " FROM loan_instalments WHERE loan_id = ? ORDER BY instalment_no")
                .param(loan.value())
                .query(JdbcLoans::instalment)
                .list();
    }

    /**
     * A page of the instalments not paid yet and due by {@code today}, in due order after the
     * given place (keyset: due day, loan, number); null for the first page.
     */
    List<InstalmentRow> open(LocalDate today, InstalmentRow after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + INSTALMENT_COLUMNS + " FROM loan_instalments WHERE status IN ('due', 'late') "
                            + "AND due_on <= ? ORDER BY due_on, loan_id, instalment_no LIMIT ?")
                    .params(today, limit)
                    .query(JdbcLoans::instalment)
                    .list();
        }
        LocalDate day = after.instalment().dueOn();
        return jdbc.sql("SELECT " + INSTALMENT_COLUMNS + " FROM loan_instalments WHERE status IN ('due', 'late') "
                        + "AND due_on <= ? AND (due_on > ? OR (due_on = ? AND (loan_id > ? "
                        + "OR (loan_id = ? AND instalment_no > ?)))) ORDER BY due_on, loan_id, instalment_no LIMIT ?")
                .params(
                        today,
                        day,
                        day,
                        after.loanId().value(),
                        after.loanId().value(),
                        after.instalment().number(),
                        limit)
                .query(JdbcLoans::instalment)
                .list();
    }

    Optional<InstalmentRow> lock(LoanId loan, int number) {
        return jdbc.sql("SELECT " + INSTALMENT_COLUMNS
                        + " FROM loan_instalments WHERE loan_id = ? AND instalment_no = ? " + "FOR UPDATE")
                .params(loan.value(), number)
                .query(JdbcLoans::instalment)
                .optional();
    }

    /** Whether an earlier instalment of the loan is still open (instalments are collected in order). */
    boolean earlierOpen(LoanId loan, int number) {
        return jdbc.sql("SELECT COUNT(*) FROM loan_instalments WHERE loan_id = ? AND instalment_no < ? "
                                + "AND status <> 'paid'")
                        .params(loan.value(), number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void setStatus(LoanId loan, int number, String status, Instant paidAt) {
        jdbc.sql("UPDATE loan_instalments SET status = ?, paid_at = ? WHERE loan_id = ? AND instalment_no = ?")
                .params(status, paidAt == null ? null : Timestamps.utc(paidAt), loan.value(), number)
                .update();
    }

    /** An instalment not collected: late (tried again) or held (not), and the ledger's reason. */
    void missed(LoanId loan, int number, String status, String reason) {
        jdbc.sql("UPDATE loan_instalments SET status = ?, missed_reason = ? WHERE loan_id = ? AND instalment_no = ?")
                .params(status, reason, loan.value(), number)
                .update();
    }

    /**
     * What staff take up, oldest due first, after the given place (keyset: due day, loan, number;
     * null for the first page): instalments held (an account closed, hers or the bank's) and those
     * refused on the bank's side ({@code bank_<code>}: still tried by the job unless held, never told
     * to her).
     */
    List<InstalmentRow> held(int limit, Loans.HeldAfter after) {
        String which = "(status = 'held' OR (status = 'late' AND missed_reason LIKE 'bank%'))";
        if (after == null) {
            return jdbc.sql("SELECT " + INSTALMENT_COLUMNS + " FROM loan_instalments WHERE " + which
                            + " ORDER BY due_on, loan_id, instalment_no LIMIT ?")
                    .param(limit)
                    .query(JdbcLoans::instalment)
                    .list();
        }
        return jdbc.sql("SELECT " + INSTALMENT_COLUMNS + " FROM loan_instalments WHERE " + which
                        + " AND (due_on > ? OR (due_on = ? AND (loan_id > ? OR (loan_id = ? AND instalment_no > ?))))"
                        + " ORDER BY due_on, loan_id, instalment_no LIMIT ?")
                .params(
                        after.dueOn(),
                        after.dueOn(),
                        after.loanId().value(),
                        after.loanId().value(),
                        after.number(),
                        limit)
                .query(JdbcLoans::instalment)
                .list();
    }

    /**
     * Records that her chat (or, for the bank's side, the log) was told this reason for this
     * instalment; false when it was told before. The caller holds the instalment's row.
     */
    boolean firstNotice(LoanId loan, int number, String reason, Instant now) {
        boolean told = jdbc.sql("SELECT COUNT(*) FROM loan_instalment_notices WHERE loan_id = ? AND instalment_no = ? "
                                + "AND reason = ?")
                        .params(loan.value(), number, reason)
                        .query(Long.class)
                        .single()
                > 0;
        if (!told) {
            jdbc.sql(
                            "INSERT INTO loan_instalment_notices (loan_id, instalment_no, reason, told_at) VALUES (?, ?, ?, ?)")
                    .params(loan.value(), number, reason, Timestamps.utc(now))
                    .update();
        }
        return !told;
    }

    /** The account the loan's instalments are collected from: the payout account unless staff moved it. */
    AccountId collectAccount(LoanId loan) {
        return jdbc.sql("SELECT COALESCE(collect_account_id, payout_account_id) FROM loans WHERE id = ?")
                .param(loan.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .single();
    }

    void collectFrom(LoanId loan, AccountId account) {
        jdbc.sql("UPDATE loans SET collect_account_id = ? WHERE id = ?")
                .params(account.value(), loan.value())
                .update();
    }
}
