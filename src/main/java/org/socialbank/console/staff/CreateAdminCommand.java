package org.socialbank.console.staff;

import java.io.PrintStream;
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
 * --socialbank.console.create-admin=<user>} creates the account with the admin role, records it in
 * the staff audit in the same transaction, prints its first password and authenticator secret once
 * to standard output (never to the log) and exits 0; a user name that exists, or is not one, exits
 * {@value #REFUSED} and changes nothing.
 */
@Component
@ConditionalOnProperty(name = CreateAdminCommand.PROPERTY)
class CreateAdminCommand implements ApplicationRunner {

    static final String PROPERTY = "socialbank.console.create-admin";
    static final int REFUSED = 4;
    /** Who the audit row names: no staff member exists yet. */
    static final String WHO = "start-up command";

    private final StaffChanges changes;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationContext context;
    private final String username;

    CreateAdminCommand(
            StaffChanges changes,
            AuditLog audit,
            TransactionTemplate transactions,
            ApplicationContext context,
            @Value("${" + PROPERTY + "}") String username) {
        this.changes = changes;
        this.audit = audit;
        this.transactions = transactions;
        this.context = context;
        this.username = username;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = create(username, System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Creates the administrator and its audit row in one transaction, prints the outcome, and gives the exit code. */
    int create(String name, PrintStream out) {
        StaffChanges.Form form = new StaffChanges.Form("Administrator", EnumSet.of(Role.ADMIN), List.of(), List.of());
        StaffResult result = transactions.execute(status -> {
            StaffResult made = changes.create(name, form);
            if (made instanceof StaffResult.Done done) {
                audit.append(null, WHO, "staff.created", "staff:" + done.username(), done.change());
            }
            return made;
        });
        if (result instanceof StaffResult.Refused refused) {
            out.println("console admin not created: " + refused.code().code());
            return REFUSED;
        }
        StaffResult.Done done = (StaffResult.Done) result;
        out.println("console admin " + done.username() + " created; shown once, hand it over and sign in at "
                + "/console/login:");
        out.println("  password: " + done.password().orElseThrow());
        out.println("  authenticator secret (base32): "
                + done.secret().orElseThrow().base32());
        return 0;
    }
}
