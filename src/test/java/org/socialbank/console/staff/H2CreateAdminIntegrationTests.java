package org.socialbank.console.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * The first console administrator of a bank outside demo mode, made by a one-shot start option whose
 * secrets go to a new owner-only file, never to standard output (review 2026-12-07 sec follow-up).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class H2CreateAdminIntegrationTests {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private static final Pattern SECRET = Pattern.compile("authenticator secret \\(base32\\): ([A-Z2-7]{32})");

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
    @DisplayName("the first console admin is made once, audited, its secrets written to an owner-only file and never"
            + " to standard output or the log (review 2026-12-07 sec follow-up)")
    void makesTheFirstAdminOnceWithItsAuditRowAndWritesItsSecretsToAnOwnerOnlyFile(
            @TempDir Path dir, CapturedOutput log) throws IOException {
        CreateAdminCommand command = new CreateAdminCommand(changes, audit, transactions, null, "unused", "");
        Path file = dir.resolve("root-admin.txt");
        int code = command.create("root-admin", file, System.out);

        assertThat(code).isZero();
        assertThat(Files.getPosixFilePermissions(file))
                .as("owner-only")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String secrets = Files.readString(file);
        Matcher password = PASSWORD.matcher(secrets);
        assertThat(password.find()).as(secrets).isTrue();
        assertThat(password.group(1)).hasSize(20);
        Matcher secret = SECRET.matcher(secrets);
        assertThat(secret.find()).as(secrets).isTrue();
        assertThat(log.getAll())
                .as("standard output and the log name the file only")
                .contains("console admin root-admin created")
                .contains(file.toString())
                .doesNotContain(password.group(1))
                .doesNotContain(secret.group(1));
        assertThat(accounts.findByUsername("root-admin"))
                .hasValueSatisfying(m -> assertThat(m.roles()).containsExactly(Role.ADMIN));
        AuditRow row = audit.newest(1, null).get(0);
        assertThat(row.what()).isEqualTo("staff.created");
        assertThat(row.subject()).isEqualTo("staff:root-admin");
        assertThat(row.whoName()).isEqualTo(CreateAdminCommand.WHO);
        assertThat(row.why()).doesNotContain(password.group(1));
        assertThat(audit.verify()).isInstanceOf(ChainCheck.Intact.class);

        Path again = dir.resolve("again.txt");
        assertThat(command.create("root-admin", again, System.out))
                .as("refused when the user exists")
                .isEqualTo(CreateAdminCommand.REFUSED);
        assertThat(log.getAll()).contains("username_taken");
        assertThat(again).as("no file left behind").doesNotExist();
        assertThat(audit.newest(1, null).get(0).seq()).as("no second row").isEqualTo(row.seq());
    }

    @Test
    @DisplayName("without a new password file the first console admin is refused and nothing is made"
            + " (review 2026-12-07 sec follow-up)")
    void refusesWithoutANewPasswordFile(@TempDir Path dir, CapturedOutput log) throws IOException {
        CreateAdminCommand command = new CreateAdminCommand(changes, audit, transactions, null, "unused", "");
        long before = audit.newest(1, null).stream()
                .mapToLong(AuditRow::seq)
                .findFirst()
                .orElse(0);

        assertThat(command.create("no-file-admin", null, System.out)).isEqualTo(CreateAdminCommand.NO_FILE);
        assertThat(log.getAll()).contains("--" + CreateAdminCommand.FILE_PROPERTY + "=<path>");

        Path existing = Files.writeString(dir.resolve("existing.txt"), "someone else's");
        assertThat(command.create("no-file-admin", existing, System.out)).isEqualTo(CreateAdminCommand.NO_FILE);
        assertThat(Files.readString(existing)).as("left as it was").isEqualTo("someone else's");
        assertThat(log.getAll()).contains(existing + " exists");

        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
        assertThat(command.create("no-file-admin", link, System.out))
                .as("a dangling link is not followed")
                .isEqualTo(CreateAdminCommand.NO_FILE);
        assertThat(dir.resolve("target.txt")).doesNotExist();

        assertThat(command.create("no-file-admin", dir.resolve("missing/dir.txt"), System.out))
                .isEqualTo(CreateAdminCommand.NO_FILE);
        assertThat(accounts.findByUsername("no-file-admin")).isEmpty();
        assertThat(audit.newest(1, null).stream()
                        .mapToLong(AuditRow::seq)
                        .findFirst()
                        .orElse(0))
                .as("no audit row")
                .isEqualTo(before);
    }
}
