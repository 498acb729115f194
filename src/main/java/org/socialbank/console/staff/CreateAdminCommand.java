package org.socialbank.console.staff;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.socialbank.console.Role;
import org.socialbank.console.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first console administrator of a bank outside demo mode, where no page can make one:
 * {@code java -jar socialbank.jar --spring.main.web-application-type=none
 * --socialbank.console.create-admin=<user> --socialbank.console.create-admin-password-file=<path>}
 * creates the account with the admin role, records it in the staff audit in the same transaction,
 * writes its first password and authenticator secret to a new file readable by its owner alone
 * (0600; never to standard output or the log, which a log collector may keep) and exits 0. A user
 * name that exists, or is not one, exits {@value #REFUSED}; a missing file option, a file that
 * exists or one that cannot be made owner-only exits {@value #NO_FILE}; both change nothing.
 */
@Component
@ConditionalOnProperty(name = CreateAdminCommand.PROPERTY)
class CreateAdminCommand implements ApplicationRunner {

    static final String PROPERTY = "socialbank.console.create-admin";
    static final String FILE_PROPERTY = "socialbank.console.create-admin-password-file";
    static final int REFUSED = 4;
    static final int NO_FILE = 5;
    /** Who the audit row names: no staff member exists yet. */
    static final String WHO = "start-up command";

    private final StaffChanges changes;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationContext context;
    private final String username;
    private final String file;

    CreateAdminCommand(
            StaffChanges changes,
            AuditLog audit,
            TransactionTemplate transactions,
            ApplicationContext context,
            @Value("${" + PROPERTY + "}") String username,
            @Value("${" + FILE_PROPERTY + ":}") String file) {
        this.changes = changes;
        this.audit = audit;
        this.transactions = transactions;
        this.context = context;
        this.username = username;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = create(username, file.isBlank() ? null : Path.of(file), System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /**
     * Creates the administrator and its audit row in one transaction, its secrets written to
     * {@code secrets} (a new owner-only file; null: refused) before the commit, prints the outcome
     * without them, and gives the exit code.
     */
    int create(String name, Path secrets, PrintStream out) {
        if (secrets == null) {
            out.println("console admin not created: set --" + FILE_PROPERTY + "=<path>, a new file that the first "
                    + "password and authenticator secret are written to, readable by its owner alone");
            return NO_FILE;
        }
        FileChannel channel;
        try {
            channel = ownerOnly(secrets);
        } catch (FileAlreadyExistsException exists) {
            out.println("console admin not created: " + secrets + " exists; name a file that does not");
            return NO_FILE;
        } catch (IOException | UnsupportedOperationException cannot) {
            out.println("console admin not created: " + secrets + " cannot be created readable by its owner alone ("
                    + cannot + ")");
            return NO_FILE;
        }
        StaffResult result = createWritingTo(name, channel, secrets);
        if (result instanceof StaffResult.Refused refused) {
            deleteQuietly(secrets);
            out.println("console admin not created: " + refused.code().code());
            return REFUSED;
        }
        out.println("console admin " + name + " created; its first password and authenticator secret are in "
                + secrets + " (readable by its owner alone): hand them over, delete the file, and sign in at "
                + "/console/login");
        return 0;
    }

    /** The transaction: the account, its audit row and the secrets on disk, or none of them. */
    private StaffResult createWritingTo(String name, FileChannel channel, Path secrets) {
        StaffChanges.Form form = new StaffChanges.Form("Administrator", EnumSet.of(Role.ADMIN), List.of(), List.of());
        try {
            return transactions.execute(status -> {
                StaffResult made = changes.create(name, form);
                if (made instanceof StaffResult.Done done) {
                    audit.append(null, WHO, "staff.created", "staff:" + done.username(), done.change());
                    write(channel, secretsText(done));
                }
                return made;
            });
        } catch (RuntimeException failed) { // rolled back: the file must not outlive the account
            deleteQuietly(secrets);
            throw failed;
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // written and forced to disk already, or deleted
            }
        }
    }

    static String secretsText(StaffResult.Done done) {
        return "console administrator: " + done.username() + "\n"
                + "password: " + done.password().orElseThrow() + "\n"
                + "authenticator secret (base32): "
                + done.secret().orElseThrow().base32() + "\n"
                + "shown once: hand it over, sign in at /console/login, then delete this file\n";
    }

    /** A new file with mode 0600 from its creation on; refused when anything, a link too, is there. */
    static FileChannel ownerOnly(Path path) throws IOException {
        return FileChannel.open(
                path,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    }

    private static void write(FileChannel channel, String text) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true); // on disk before the account commits
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the file holds nothing yet, or the account was rolled back: its secrets open nothing
        }
    }
}
