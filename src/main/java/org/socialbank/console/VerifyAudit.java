package org.socialbank.console;

import java.io.PrintStream;
import org.socialbank.console.audit.VerifyAuditCommand;

/**
 * The staff audit's verifier command as the console exposes it: {@code SocialbankApplication.main}
 * asks it before any node starts, and it runs with the store alone (docs/console.md).
 */
public final class VerifyAudit {

    private VerifyAudit() {}

    /** Whether the command line, a system property or the environment asks for the verifier. */
    public static boolean asked(String[] args) {
        return VerifyAuditCommand.asked(args);
    }

    /** Verifies the chain with the store alone, prints the verdict and gives the exit code. */
    public static int run(String[] args, PrintStream out) {
        return VerifyAuditCommand.run(args, out);
    }
}
