package org.socialbank.console.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verifier as a command, for a cron job or an auditor without a browser:
 * {@code java -jar socialbank.jar --spring.main.web-application-type=none
 * --socialbank.console.verify-audit=true} prints the verdict and exits with 0 when the chain is
 * intact and {@value #BROKEN} when it is not.
 */
@Component
@ConditionalOnBooleanProperty(name = "socialbank.console.verify-audit")
class VerifyAuditCommand implements ApplicationRunner {

    static final int BROKEN = 3;

    private final AuditLog audit;
    private final ApplicationContext context;

    VerifyAuditCommand(AuditLog audit, ApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = verify(System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Verifies the chain, prints the verdict, and gives the exit code. */
    int verify(PrintStream out) {
        ChainCheck check = audit.verify();
        if (check instanceof ChainCheck.Intact intact) {
            out.println("staff audit: intact, " + intact.rows() + " rows, head " + intact.headHash());
            return 0;
        }
        ChainCheck.Broken broken = (ChainCheck.Broken) check;
        out.println("staff audit: BROKEN at row " + broken.seq() + " (" + broken.problem() + "), "
                + broken.rowsChecked() + " rows before it are intact");
        return BROKEN;
    }
}
