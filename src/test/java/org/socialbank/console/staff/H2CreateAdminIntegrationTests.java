package org.socialbank.console.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialbank.console.Role;
import org.socialbank.console.audit.AuditLog;
import org.socialbank.console.audit.AuditRow;
import org.socialbank.console.audit.ChainCheck;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The first console administrator of a bank outside demo mode, made by a one-shot start option. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class H2CreateAdminIntegrationTests {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @Autowired
    StaffChanges changes;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Test
    @DisplayName(
            "the first console admin is made once, audited, its secrets printed only (review 2026-12-07 docs follow-up)")
    void makesTheFirstAdminOnceWithItsAuditRowAndPrintsItsSecretsOnly(CapturedOutput log) {
        CreateAdminCommand command = new CreateAdminCommand(changes, audit, transactions, null, "unused");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = command.create("root-admin", new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        String out = printed.toString(StandardCharsets.UTF_8);
        Matcher password = PASSWORD.matcher(out);
        assertThat(password.find()).as(out).isTrue();
        assertThat(password.group(1)).hasSize(20);
        assertThat(out).containsPattern("authenticator secret \\(base32\\): [A-Z2-7]{32}");
        assertThat(log.getAll()).as("never in the log").doesNotContain(password.group(1));
        assertThat(accounts.findByUsername("root-admin"))
                .hasValueSatisfying(m -> assertThat(m.roles()).containsExactly(Role.ADMIN));
        AuditRow row = audit.newest(1, null).get(0);
        assertThat(row.what()).isEqualTo("staff.created");
        assertThat(row.subject()).isEqualTo("staff:root-admin");
        assertThat(row.whoName()).isEqualTo(CreateAdminCommand.WHO);
        assertThat(row.why()).doesNotContain(password.group(1));
        assertThat(audit.verify()).isInstanceOf(ChainCheck.Intact.class);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(command.create("root-admin", new PrintStream(again, true, StandardCharsets.UTF_8)))
                .as("refused when the user exists")
                .isEqualTo(CreateAdminCommand.REFUSED);
        assertThat(again.toString(StandardCharsets.UTF_8))
                .contains("username_taken")
                .doesNotContain("password:");
        assertThat(audit.newest(1, null).get(0).seq()).as("no second row").isEqualTo(row.seq());
    }
}
