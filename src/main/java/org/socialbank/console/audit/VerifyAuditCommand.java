package org.socialbank.console.audit;

import java.io.PrintStream;
import java.time.Clock;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verifier as a command, for a cron job or an auditor without a browser: {@code java -jar
 * socialbank.jar --socialbank.console.verify-audit=true} prints the verdict and exits 0 when the
 * chain is intact, {@value #BROKEN} when it is not and {@value #NOT_VERIFIED} when the store could
 * not be read. {@code SocialbankApplication.main} hands it the start (through {@link
 * org.socialbank.console.VerifyAudit}) before any node exists: it starts the data source and the
 * audit log alone, with no web server, no scheduler, relay or channel, and no migration (it only
 * reads), so it needs only the store's settings. Not a component (no stereotype): the
 * application's scan leaves it out.
 */
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
})
public final class VerifyAuditCommand {

    public static final String PROPERTY = "socialbank.console.verify-audit";
    static final int NOT_VERIFIED = 2;
    static final int BROKEN = 3;

    @Bean
    AuditLog auditLog(JdbcClient jdbc) {
        return new AuditLog(jdbc, Clock.systemUTC());
    }

    /** Whether the command line, a system property or the environment asks for the verifier. */
    public static boolean asked(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return Boolean.TRUE.equals(environment.getProperty(PROPERTY, Boolean.class, false));
    }

    /** Starts the store alone, verifies, prints the verdict and gives the exit code. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext store = start(args)) {
            return verify(store.getBean(AuditLog.class), out);
        } catch (RuntimeException unreadable) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(unreadable);
            out.println("staff audit: NOT VERIFIED, the store could not be read ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
            return NOT_VERIFIED;
        }
    }

    /** The context the verifier runs in: the data source, transactions and the audit log. */
    static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(VerifyAuditCommand.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args);
    }

    /** Verifies the chain, prints the verdict, and gives the exit code. */
    static int verify(AuditLog audit, PrintStream out) {
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
