package org.socialbank.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.console.ConsoleStaff;
import org.socialbank.console.Role;
import org.socialbank.console.StaffDirectory;
import org.socialbank.console.StaffMember;
import org.socialbank.console.staff.SignInStep;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.console.staff.StaffSignIn;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * The console in a real store: audit appends from many threads (as from several nodes) make one
 * unbroken chain, a row changed or deleted behind the bank's back is found by the verifier, and
 * one authenticator code sent twice at the same moment signs in once. Run on H2 and on
 * PostgreSQL, where the database also refuses the change itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ConsoleStoreContract {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    StaffSignIn signIn;

    @Autowired
    Clock clock;

    /** Runs a statement the append-only rule forbids, by going around the rule where the store has one. */
    abstract void behindTheBanksBack(String sql, Object... params);

    /** Whether the store itself refuses UPDATE and DELETE on the audit. */
    abstract boolean storeRefusesChanges();

    @Test
    void concurrentAppendsMakeOneUnbrokenChain() throws Exception {
        long before = rows();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.append(UUID.randomUUID(), "node" + thread, "test.append", "row " + i, "");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainCheck check = audit.verify();
        assertThat(check).isInstanceOf(ChainCheck.Intact.class);
        assertThat(((ChainCheck.Intact) check).rows()).isEqualTo(before + 200);
        assertThat(jdbc.sql("SELECT MAX(seq) FROM console_audit")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 200);
    }

    @Test
    void aChangedOrDeletedRowIsFound() {
        AuditRow first = audit.append(null, "mallory", "sign-in.unknown-name", "console", "");
        AuditRow second = audit.append(null, "auditor", "audit.verified", "console_audit", "");
        audit.append(null, "auditor", "audit.exported", "console_audit", "");
        assertThat(audit.verify().intact()).isTrue();

        if (storeRefusesChanges()) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE console_audit SET who_name = 'someone' WHERE seq = ?")
                            .param(first.seq())
                            .update())
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM console_audit WHERE seq = ?")
                            .param(first.seq())
                            .update())
                    .isInstanceOf(DataAccessException.class);
        }

        behindTheBanksBack("UPDATE console_audit SET who_name = 'someone' WHERE seq = ?", first.seq());
        assertThat(audit.verify()).isEqualTo(new ChainCheck.Broken(first.seq(), "changed", first.seq() - 1));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(VerifyAuditCommand.verify(audit, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .as("the command's exit code")
                .isEqualTo(VerifyAuditCommand.BROKEN);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("staff audit: BROKEN at row " + first.seq() + " (changed)");
        behindTheBanksBack("UPDATE console_audit SET who_name = 'mallory' WHERE seq = ?", first.seq());
        assertThat(audit.verify().intact()).isTrue();

        behindTheBanksBack("DELETE FROM console_audit WHERE seq = ?", second.seq());
        assertThat(audit.verify()).isEqualTo(new ChainCheck.Broken(second.seq(), "missing", second.seq() - 1));
        behindTheBanksBack(
                "INSERT INTO console_audit (seq, recorded_at, who_id, who_name, what, subject, why, prev_hash, "
                        + "hash) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)",
                second.seq(),
                org.socialbank.shared.jdbc.Timestamps.utc(second.recordedAt()),
                second.whoName(),
                second.what(),
                second.subject(),
                second.why(),
                second.prevHash(),
                second.hash());
        assertThat(audit.verify().intact()).isTrue();
        assertThat(VerifyAuditCommand.verify(
                        audit, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isZero();
    }

    @Test
    @DisplayName("the verifier command starts the store and the audit log alone: no web server, no job, no"
            + " migration; exit 0 intact, 3 broken, 2 unreadable (review 2026-12-07 sec follow-up)")
    void theVerifierCommandStartsTheStoreAlone(@Autowired Environment node, @TempDir Path empty) throws Exception {
        AuditRow row = audit.append(null, "verifier-test", "test.row", "subject", "why");
        String[] args = {
            "--" + VerifyAuditCommand.PROPERTY + "=true",
            "--spring.datasource.url=" + node.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + node.getProperty("spring.datasource.username", ""),
            "--spring.datasource.password=" + node.getProperty("spring.datasource.password", ""),
            "--spring.datasource.hikari.maximum-pool-size=2"
        };
        assertThat(VerifyAuditCommand.asked(args)).isTrue();
        assertThat(VerifyAuditCommand.asked(new String[] {"--server.port=0"})).isFalse();
        try (ConfigurableApplicationContext store = VerifyAuditCommand.start(args)) {
            assertThat(store).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(store.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class))
                    .as("no @Scheduled job runs")
                    .isEmpty();
            assertThat(Arrays.stream(store.getBeanDefinitionNames())
                            .map(store::getType)
                            .filter(type -> type != null && type.getName().startsWith("org.socialbank."))
                            .map(ClassUtils::getUserClass) // the audit log is proxied for its transactions
                            .map(Class::getSimpleName))
                    .as("of the bank's beans, the audit log alone: no relay, worker, channel or migration")
                    .containsExactlyInAnyOrder("VerifyAuditCommand", "AuditLog");
        }

        assertThat(verifierSays(args)).startsWith("0 staff audit: intact, ");
        behindTheBanksBack("UPDATE console_audit SET who_name = 'someone' WHERE seq = ?", row.seq());
        assertThat(verifierSays(args)).startsWith("3 staff audit: BROKEN at row " + row.seq() + " (changed)");
        behindTheBanksBack("UPDATE console_audit SET who_name = 'verifier-test' WHERE seq = ?", row.seq());
        assertThat(verifierSays(args)).startsWith("0 staff audit: intact, ");

        String fresh = TestStores.h2Url(empty);
        assertThat(verifierSays(new String[] {"--spring.datasource.url=" + fresh}))
                .startsWith("2 staff audit: NOT VERIFIED, the store could not be read (");
        try (Connection connection = DriverManager.getConnection(fresh, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE LOWER(table_name) IN ('flyway_schema_history', 'console_audit')")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getInt(1))
                    .as("nothing migrated: the verifier only reads")
                    .isZero();
        }
    }

    /** The verifier's exit code and what it printed. */
    private static String verifierSays(String[] args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return code + " " + printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneCodeSentTwiceAtOnceSignsInOnce() throws Exception {
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        StaffMember agent = staff.create(Role.AGENT);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(((SignInStep.CodeNeeded) signIn.password(agent.username(), ConsoleStaff.PASSWORD)).token());
        }
        String code = staff.codeNow();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            List<Future<SignInStep>> steps = new ArrayList<>();
            for (String token : tokens) {
                steps.add(pool.submit(() -> {
                    start.await();
                    return signIn.code(token, code);
                }));
            }
            start.countDown();
            int signedIn = 0;
            for (Future<SignInStep> step : steps) {
                signedIn += step.get() instanceof SignInStep.SignedIn ? 1 : 0;
            }
            assertThat(signedIn).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theDirectoryFindsTheAgentsOfATeam() {
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        StaffMember agent = staff.create(Role.AGENT);
        StaffMember supervisor = staff.create(Role.SUPERVISOR);
        StaffDirectory directory = accounts;
        assertThat(directory.inTeam("cards", Role.AGENT)).contains(agent).doesNotContain(supervisor);
        assertThat(directory.inTeam("marketing", Role.AGENT)).doesNotContain(agent);
        assertThat(directory.find(agent.id())).contains(agent);
        assertThat(directory.findByUsername(supervisor.username())).contains(supervisor);
    }

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM console_audit").query(Long.class).single();
    }
}
